import type { Round } from '../../../shared/contracts/rounds';
import type { BallotTally, OpenBallot } from '../ballot/ballot-tally';
import { CONSENT_METHODS } from '../../../server/src/domain/consent/recorded-consent';
import { ASSISTED_CHANNELS } from '../../../server/src/domain/voting/channels';
import type { DeskValues } from '../workspace/ballot-desk-form';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import type { FieldErrors } from './ErrorSummary';
import { BallotForm } from './BallotForm';
import type { ProjectLanguages } from '../ballot/project-languages';
import { Choices } from './Choices';
import { SelectField } from './SelectField';
import { TextArea } from './TextArea';
import { TextField } from './TextField';

const CHANNEL_LABELS: Record<(typeof ASSISTED_CHANNELS)[number], MessageKey> = { paper: 'wsDesk.channel.paper', assisted: 'wsDesk.channel.assisted' };
const CONSENT_LABELS: Record<(typeof CONSENT_METHODS)[number], MessageKey> = {
  'signed-form': 'wsDesk.consentMethod.signedForm',
  verbal: 'wsDesk.consentMethod.verbal',
  guardian: 'wsDesk.consentMethod.guardian',
};

/**
 * The ballot desk's one form: how the ballot came, the person (an offline reference with what they state,
 * or their account's e-mail), their consent and the round's ballot, with the values and errors given. The
 * page puts it in a box that printing leaves out (the receipt alone is printed).
 */
export const BallotDeskForm = ({
  round,
  municipality,
  ballot,
  languages,
  municipalities,
  values,
  errors,
  tally,
}: {
  round: Round;
  municipality: { code: string; currency: string };
  ballot: OpenBallot;
  /** What each project's title is written in. */
  languages: ProjectLanguages;
  municipalities: ReadonlyArray<{ code: string; name: string }>;
  values: DeskValues;
  errors: FieldErrors;
  tally: BallotTally | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <BallotForm
      round={round}
      currency={municipality.currency}
      ballot={ballot}
      languages={languages}
      values={values.ballot}
      errors={errors}
      tally={tally}
      action={href(`/workspace/${municipality.code}/ballot-desk/${round.documentId}`)}
      submitLabel={t('wsDesk.submit')}
    >
      <Choices
        name="channel"
        type="radio"
        legend={t('wsDesk.channelLegend')}
        error={errors.channel}
        checked={[values.channel]}
        options={ASSISTED_CHANNELS.map((channel) => ({ value: channel, label: t(CHANNEL_LABELS[channel]) }))}
      />
      <fieldset className="field">
        <legend>{t('wsDesk.personLegend')}</legend>
        <p className="hint">{t('wsDesk.personHint')}</p>
        <TextField name="offlineReference" label={t('wsDesk.offlineReference')} hint={t('wsDesk.offlineReferenceHint')} value={values.offlineReference} error={errors.offlineReference} autoComplete="off" />
        <SelectField
          name="residenceMunicipalityCode"
          label={t('wsDesk.residence')}
          value={values.residenceMunicipalityCode}
          error={errors.residenceMunicipalityCode}
          options={[{ value: '', label: t('wsDesk.residenceChoose') }, ...municipalities.map((one) => ({ value: one.code, label: one.name }))]}
        />
        <TextField name="birthDate" label={t('wsDesk.birthDate')} hint={t('wsDesk.birthDateHint')} value={values.birthDate} error={errors.birthDate} autoComplete="off" />
        <TextField name="email" type="email" label={t('wsDesk.email')} hint={t('wsDesk.emailHint')} value={values.email} error={errors.email} autoComplete="off" inputMode="email" />
      </fieldset>
      <Choices
        name="consent"
        type="checkbox"
        legend={t('wsDesk.consentLegend')}
        error={errors.consent}
        checked={values.consent ? ['given'] : []}
        options={[{ value: 'given', label: t('wsDesk.consentGiven') }]}
      />
      <Choices
        name="consentMethod"
        type="radio"
        legend={t('wsDesk.consentMethodLegend')}
        error={errors.consentMethod}
        checked={[values.consentMethod]}
        options={CONSENT_METHODS.map((method) => ({ value: method, label: t(CONSENT_LABELS[method]) }))}
      />
      <TextArea name="consentNote" label={t('wsDesk.consentNote')} value={values.consentNote} error={errors.consentNote} rows={2} />
    </BallotForm>
  );
};
