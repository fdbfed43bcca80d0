import { CONSENT_METHODS } from '../../../server/src/domain/consent/recorded-consent';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import { Choices } from './Choices';
import type { FieldErrors } from './ErrorSummary';
import { HintAndError, describedBy } from './FieldParts';
import { TextField } from './TextField';

/** A person's consent as a facilitator records it (the API's RecordedConsent): the tick, how they agreed, a note. */
export interface RecordedConsentValues {
  consentGiven: boolean;
  consentMethod?: string;
  consentNote?: string;
}

/**
 * The consent part of a form a facilitator fills in for someone: a box saying what the person agreed to
 * (`agreedTo`), how they agreed and a note, as the fields `consentGiven`, `consentMethod` and `consentNote`.
 */
export const RecordedConsentFields = ({ agreedTo, hint, values, errors }: { agreedTo: string; hint: string; values: RecordedConsentValues; errors: FieldErrors }) => {
  const { t } = usePortal().i18n;
  return (
    <>
      <div className={errors.consentGiven ? 'field field--error' : 'field'}>
        <fieldset aria-describedby={describedBy('consentGiven', hint, errors.consentGiven)}>
          <legend>{t('wsConsultations.consentLegend')}</legend>
          <HintAndError name="consentGiven" hint={hint} error={errors.consentGiven} />
          <div className="choice">
            <input type="checkbox" id="consentGiven" name="consentGiven" value="yes" defaultChecked={values.consentGiven} />
            <label htmlFor="consentGiven">{agreedTo}</label>
          </div>
        </fieldset>
      </div>
      <Choices
        name="consentMethod"
        type="radio"
        legend={t('wsConsultations.consentMethod')}
        error={errors.consentMethod}
        checked={values.consentMethod ? [values.consentMethod] : []}
        options={CONSENT_METHODS.map((method) => ({ value: method, label: t(`wsConsultations.consentMethod.${method}` as MessageKey) }))}
      />
      <TextField name="consentNote" label={t('wsConsultations.consentNote')} hint={t('wsConsultations.consentNoteHint')} value={values.consentNote} error={errors.consentNote} />
    </>
  );
};
