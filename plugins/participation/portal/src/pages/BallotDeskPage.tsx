import type { Round } from '../../../shared/contracts/rounds';
import type { BallotTally, OpenBallot } from '../ballot/ballot-tally';
import { CONSENT_METHODS } from '../../../server/src/domain/consent/recorded-consent';
import { ASSISTED_CHANNELS } from '../../../server/src/domain/voting/channels';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { BallotRule } from '../components/BallotRule';
import { BallotForm } from '../components/BallotForm';
import { Choices } from '../components/Choices';
import { SelectField } from '../components/SelectField';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import type { DeskValues } from '../workspace/ballot-desk-form';
import type { DeskFlash } from '../workspace/ballot-desk-flash';
import type { MessageKey } from '../i18n/translator';

export type DeskReceipt = DeskFlash['receipt'];

const CHANNEL_LABELS: Record<(typeof ASSISTED_CHANNELS)[number], MessageKey> = { paper: 'wsDesk.channel.paper', assisted: 'wsDesk.channel.assisted' };
const CONSENT_LABELS: Record<(typeof CONSENT_METHODS)[number], MessageKey> = {
  'signed-form': 'wsDesk.consentMethod.signedForm',
  verbal: 'wsDesk.consentMethod.verbal',
  guardian: 'wsDesk.consentMethod.guardian',
};

/** The last ballot's receipt, to hand over (or print, or save) before the next form is entered. */
const LastReceipt = ({ round, receipt }: { round: Round; receipt: DeskReceipt }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <section className="panel panel--confirmation" aria-labelledby="desk-receipt-title" role="status">
      <h2 id="desk-receipt-title">{t(receipt.channel === 'paper' ? 'wsDesk.recordedPaper' : 'wsDesk.recordedAssisted')}</h2>
      <p>{t('wsDesk.receiptLabel')}</p>
      <p className="receipt-code">{receipt.receiptCode}</p>
      <div className="no-print desk-receipt-actions">
        <button type="button" className="link-button" data-print hidden>
          {t('ballot.print')}
        </button>
        <form method="post" action={href(`/rounds/${round.documentId}/vote/receipt`)}>
          <CsrfField />
          <input type="hidden" name="receiptCode" value={receipt.receiptCode} />
          <input type="hidden" name="castAt" value={receipt.castAt} />
          <button type="submit" className="button button--secondary">
            {t('ballot.save')}
          </button>
        </form>
      </div>
    </section>
  );
};

/**
 * The facilitator's desk for one round: the last receipt (after a ballot), then one form: how the ballot
 * came, the person (an offline reference with what they state, or their account's e-mail), their consent
 * and the round's ballot. After each ballot the same page comes back empty, so a stack of paper forms is
 * entered one after another without leaving it.
 */
export const BallotDeskPage = ({
  round,
  municipality,
  ballot,
  municipalities,
  values,
  errors,
  tally,
  receipt,
}: {
  round: Round;
  municipality: { code: string; name: string; currency: string };
  ballot: OpenBallot;
  municipalities: ReadonlyArray<{ code: string; name: string }>;
  values: DeskValues;
  errors: FieldErrors;
  tally: BallotTally | null;
  receipt: DeskReceipt | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsDesk.title'), path: '/ballot-desk' }]} />
      <ErrorSummary errors={errors} />
      {receipt && <LastReceipt round={round} receipt={receipt} />}
      <h1>{t('wsDesk.roundTitle', { round: round.title })}</h1>
      <p>
        <BallotRule round={round} currency={municipality.currency} />
      </p>
      <div className="no-print">
        <BallotForm
          round={round}
          currency={municipality.currency}
          ballot={ballot}
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
      </div>
    </>
  );
};
