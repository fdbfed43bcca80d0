import type { ReactNode } from 'react';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal, Round } from '../../../shared/contracts/rounds';
import type { ReviewAction } from '../../../server/src/domain/proposals/proposal-input';
import type { MessageKey, Translator } from '../i18n/translator';
import { formatMinor } from '../../../server/src/domain/money/amount';
import { usePortal } from '../components/portal-context';
import { Choices } from '../components/Choices';
import { ConfirmForm, type ConfirmRow } from '../components/ConfirmForm';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { LinesLeft } from '../components/LinesLeft';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import type { LineLeft } from '../workspace/review-queue';
import { answersQuery, givenAnswers } from '../workspace/answers';

/** The review form as typed, kept when it comes back with errors and carried through the confirm step. */
export interface ReviewFormValues {
  action?: string;
  costEstimate?: string;
  reason?: string;
  note?: string;
}

const ACTION_LABELS: Record<ReviewAction['action'], MessageKey> = {
  'start-review': 'wsReview.action.mark-feasible',
  'mark-feasible': 'wsReview.action.mark-feasible',
  'mark-infeasible': 'wsReview.action.mark-infeasible',
  'mark-completed': 'wsReview.action.mark-completed',
};

const CONFIRM_LABELS: Record<ReviewAction['action'], MessageKey> = {
  'start-review': 'wsReview.confirm.mark-feasible',
  'mark-feasible': 'wsReview.confirm.mark-feasible',
  'mark-infeasible': 'wsReview.confirm.mark-infeasible',
  'mark-completed': 'wsReview.confirm.mark-completed',
};

/** The confirm step's rows: what the review will record, as it will be published. */
const confirmRows = (review: ReviewAction, proposalTitle: ReactNode, currency: string, i18n: Translator): ConfirmRow[] => {
  const { t } = i18n;
  return [
  { label: t('wsReview.proposal'), value: proposalTitle },
  { label: t('wsReview.actionLabel'), value: t(ACTION_LABELS[review.action]) },
  ...(review.action === 'mark-feasible' ? [{ label: t('wsReview.costEstimateLabel', { currency }), value: i18n.money(formatMinor(review.costEstimate), currency) }] : []),
  ...(review.action === 'mark-infeasible' ? [{ label: t('wsReview.reasonLabel'), value: review.reason }] : []),
  ...('note' in review && review.note ? [{ label: t('wsReview.noteLabel'), value: review.note }] : []),
  ];
};

/** One proposal under review (or being carried out): its facts, then the review form or the check of its answers. */
export const ReviewProposalPage = ({
  municipality,
  round,
  proposal,
  lines,
  progressPercent,
  offered,
  ...state
}: {
  municipality: Municipality;
  round: Round;
  proposal: Proposal;
  lines: LineLeft[];
  progressPercent: number;
  offered: ReadonlyArray<ReviewAction['action']>;
} & ({ step: 'form'; values: ReviewFormValues; errors: FieldErrors } | { step: 'confirm'; values: ReviewFormValues; review: ReviewAction })) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const base = `/workspace/${municipality.code}/review/${proposal.documentId}`;
  const errors = state.step === 'form' ? state.errors : {};
  const { values } = state;
  const proposalTitle = <UserText language={writtenIn(proposal, municipality)}>{proposal.title}</UserText>;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsReview.title'), path: '/review' }]} />
      <ErrorSummary errors={errors} />
      <h1>
        <Message id={state.step === 'confirm' ? 'wsReview.confirmTitle' : 'wsReview.proposalTitle'} values={{ title: proposalTitle }} />
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('wsReview.round')}</dt>
          <dd>
            <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
          </dd>
        </div>
        <div>
          <dt>{t('wsReview.status')}</dt>
          <dd>{t(`status.${proposal.status}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('wsReview.requested')}</dt>
          <dd>{money(proposal.requestedAmount)}</dd>
        </div>
        <div>
          <dt>{t('wsReview.lines')}</dt>
          <dd>
            <LinesLeft lines={lines} municipality={municipality} />
          </dd>
        </div>
      </dl>
      {state.step === 'form' && (
        <details>
          <summary>{t('wsReview.description')}</summary>
          <UserText as="p" className="prose" language={writtenIn(proposal, municipality)}>
            {proposal.description}
          </UserText>
          <p>
            <a href={href(`/proposals/${proposal.documentId}`)}>
              <Message id="wsReview.publicPage" values={{ title: proposalTitle }} />
            </a>
          </p>
        </details>
      )}
      {state.step === 'confirm' ? (
        <ConfirmForm
          rows={confirmRows(state.review, proposalTitle, municipality.currency, i18n)}
          action={href(`${base}/confirm`)}
          hidden={givenAnswers(values)}
          submitLabel={t(CONFIRM_LABELS[state.review.action])}
          backHref={href(`${base}?${answersQuery(values)}`)}
          backLabel={t('wsReview.back')}
          warning={t('wsReview.irreversible')}
        />
      ) : offered.length === 0 ? (
        <p>{t('wsReview.nothingToDo', { status: t(`status.${proposal.status}` as MessageKey) })}</p>
      ) : offered.includes('mark-completed') ? (
        progressPercent < 100 ? (
          <p>
            {t('wsReview.notYetComplete', { share: i18n.percent(progressPercent / 100) })}{' '}
            <a href={href(`/workspace/${municipality.code}/implementation/${proposal.documentId}`)}>
              <Message id="wsReview.progressFirst" values={{ title: proposalTitle }} />
            </a>
          </p>
        ) : (
          <form method="post" action={href(base)} noValidate>
            <CsrfField />
            <input type="hidden" name="action" value="mark-completed" />
            <TextArea name="note" label={t('wsReview.noteLabel')} hint={t('wsReview.noteHint')} value={values.note} error={errors.note} rows={3} />
            <button type="submit" className="button">{t('wsReview.continue')}</button>
          </form>
        )
      ) : (
        <form method="post" action={href(base)} noValidate>
          <CsrfField />
          <Choices
            name="action"
            type="radio"
            legend={t('wsReview.actionLabel')}
            error={errors.action}
            checked={values.action ? [values.action] : []}
            options={offered.map((action) => ({ value: action, label: t(ACTION_LABELS[action]) }))}
          />
          <TextField
            name="costEstimate"
            label={t('wsReview.costEstimateLabel', { currency: municipality.currency })}
            hint={t('wsReview.costEstimateHint')}
            value={values.costEstimate}
            error={errors.costEstimate}
            inputMode="decimal"
          />
          <TextArea name="reason" label={t('wsReview.reasonLabel')} hint={t('wsReview.reasonHint')} value={values.reason} error={errors.reason} rows={4} />
          <TextArea name="note" label={t('wsReview.noteLabel')} hint={t('wsReview.noteHint')} value={values.note} error={errors.note} rows={3} />
          <button type="submit" className="button">{t('wsReview.continue')}</button>
        </form>
      )}
    </>
  );
};
