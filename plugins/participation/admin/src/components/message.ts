import { useIntl } from 'react-intl';
import { t } from '../plugin-id';

/** The plugin's messages by their unprefixed key (translations/*.json), with ICU values. */
export const useMessage = () => {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, string | number>) => formatMessage({ id: t(id), defaultMessage: id }, values);
};
