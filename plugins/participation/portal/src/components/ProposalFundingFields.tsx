import { TARGET_GROUPS } from '../../../server/src/domain/proposals/statuses';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import type { FieldErrors } from './ErrorSummary';
import { TextField } from './TextField';
import { Choices } from './Choices';
import { UserText } from './UserText';
import type { PortalLanguage } from '../i18n/languages';

/**
 * What a proposal asks for and for whom: the amount, the budget lines it would come from (each by code and
 * name, in the municipality's content language, with what the form's reader needs to know of it) and the
 * groups it is meant for. The citizen's proposal form and the
 * facilitator's recommendation-to-proposal form ask the same.
 */
export const ProposalFundingFields = ({
  currency,
  contentLanguage,
  lines,
  values,
  errors,
}: {
  currency: string;
  /** What the budget lines' names are written in. */
  contentLanguage: PortalLanguage;
  lines: Array<{ code: string; name: string; detail: string }>;
  values: { requestedAmount?: string; budgetLineCodes: string[]; targetGroups: string[] };
  errors: FieldErrors;
}) => {
  const { t } = usePortal().i18n;
  return (
    <>
      <TextField
        name="requestedAmount"
        label={t('proposalForm.amountLabel', { currency })}
        hint={t('proposalForm.amountHint')}
        value={values.requestedAmount}
        error={errors.requestedAmount}
        inputMode="decimal"
      />
      <Choices
        name="budgetLineCodes"
        type="checkbox"
        legend={t('proposalForm.budgetLinesLabel')}
        hint={t('proposalForm.budgetLinesHint')}
        error={errors.budgetLineCodes}
        checked={values.budgetLineCodes}
        options={lines.map((line) => ({
          value: line.code,
          label: (
            <>
              {line.code} <UserText language={contentLanguage}>{line.name}</UserText> {line.detail}
            </>
          ),
        }))}
      />
      <Choices
        name="targetGroups"
        type="checkbox"
        legend={t('proposalForm.targetGroupsLabel')}
        error={errors.targetGroups}
        checked={values.targetGroups}
        options={TARGET_GROUPS.map((group) => ({ value: group, label: t(`targetGroup.${group}` as MessageKey) }))}
      />
    </>
  );
};
