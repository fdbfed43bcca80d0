import { formatMinor } from '../../../server/src/domain/money/amount';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import { CHOICES_FIELD, NUMBER_FIELD_PREFIX, type BallotFormValues } from '../ballot/ballot-form';
import type { BallotProject, BallotTally, OpenBallot } from '../ballot/ballot-tally';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { HintAndError, describedBy } from '../components/FieldParts';
import { Choices } from '../components/Choices';
import { BallotRule } from '../components/BallotRule';
import { BallotTallyStatus } from '../components/BallotTallyStatus';
import { LiveUpdates } from '../components/LiveUpdates';

interface ProjectProps {
  project: BallotProject;
  ballot: OpenBallot;
  values: BallotFormValues;
  currency: string;
  /** The first control of the form's proposals: the error summary's link lands on it. */
  first: boolean;
  invalid: boolean;
  /** Ballots listing it so far, in rounds that show running totals (live.js keeps it current). */
  runningTotal?: number;
}

/** One proposal on the ballot: its control (box, button or number), its title, cost and proposal page. */
const BallotProjectControl = ({ project, ballot, values, currency, first, invalid, runningTotal }: ProjectProps) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const id = first ? CHOICES_FIELD : `project-${project.id}`;
  const kind = ballot.ballotRules.kind;
  const prefix = NUMBER_FIELD_PREFIX[kind];
  const details = (
    <p className="ballot-project__details" id={`${id}-details`}>
      {i18n.money(formatMinor(project.costMinor), currency)}
      {' · '}
      {runningTotal !== undefined && (
        <>
          {t('ballot.runningTotal')} <span data-running-total={project.id}>{i18n.number(runningTotal)}</span>
          {' · '}
        </>
      )}
      <a href={href(`/proposals/${project.id}`)}>
        {t('ballot.readProposal')}
        <span className="visually-hidden"> {project.title}</span>
      </a>
    </p>
  );
  const describedByIds = [`${id}-details`, invalid ? `${CHOICES_FIELD}-error` : null].filter(Boolean).join(' ');
  if (prefix) {
    return (
      <div className="ballot-project">
        <label htmlFor={id}>{t(kind === 'cumulative' ? 'ballot.pointsFor' : 'ballot.positionOf', { title: project.title })}</label>
        {details}
        <input
          id={id}
          name={`${prefix}${project.id}`}
          type="text"
          inputMode="numeric"
          className="input--short"
          defaultValue={values.numbers[project.id]}
          data-cost-minor={project.costMinor}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedByIds}
        />
      </div>
    );
  }
  return (
    <div className="choice ballot-project">
      <input
        id={id}
        type={kind === 'choose-1' ? 'radio' : 'checkbox'}
        name="projects"
        value={project.id}
        defaultChecked={values.projects.includes(project.id)}
        data-cost-minor={project.costMinor}
        aria-describedby={describedByIds}
      />
      <label htmlFor={id}>{project.title}</label>
      {details}
    </div>
  );
};

/**
 * The ballot: the round's rule in plain words, the district (when the round has several), then each
 * district's proposals in a fieldset of their own, with the ballots listing each so far in rounds that show
 * running totals. Works as a plain form; ballot.js adds the running count, live.js keeps the totals current.
 */
export const BallotChoosePage = ({
  round,
  municipality,
  ballot,
  values,
  errors,
  tally,
}: {
  round: Round;
  municipality: Municipality;
  ballot: OpenBallot;
  values: BallotFormValues;
  errors: FieldErrors;
  tally: BallotTally | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const { currency } = municipality;
  const rules = ballot.ballotRules;
  const groups =
    round.districts.length > 0
      ? round.districts.map((district) => ({ legend: district.name, projects: ballot.projects.filter((project) => project.districtCode === district.code) }))
      : [{ legend: t('ballot.proposals'), projects: ballot.projects }];
  const firstId = groups.flatMap((group) => group.projects)[0]?.id;
  const hint = t(NUMBER_FIELD_PREFIX[rules.kind] ? (rules.kind === 'cumulative' ? 'ballot.pointsHint' : 'ballot.rankHint') : 'ballot.chooseHint');
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>{round.title}</a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t('ballot.chooseTitle')}</h1>
      <p>
        <BallotRule round={round} currency={currency} />
      </p>
      {round.runningTotals && <LiveUpdates rooms={[`round:${round.documentId}`]} runningTotals={t('live.runningTotalsUpdated')} />}
      <form
        method="post"
        action={href(`/rounds/${round.documentId}/vote`)}
        noValidate
        className="ballot-form"
        data-ballot-kind={rules.kind}
        data-lang={i18n.lang}
        data-currency={currency}
        data-max-cost-minor={rules.maxCost}
        data-total-points={rules.totalPoints}
      >
        <CsrfField />
        {round.districts.length > 0 && (
          <Choices
            name="districtCode"
            type="radio"
            legend={t('ballot.districtLegend')}
            error={errors.districtCode}
            checked={values.districtCode ? [values.districtCode] : []}
            options={round.districts.map((district) => ({ value: district.code, label: district.name }))}
          />
        )}
        <div className={errors[CHOICES_FIELD] ? 'field field--error' : 'field'}>
          <HintAndError name={CHOICES_FIELD} hint={hint} error={errors[CHOICES_FIELD]} />
          {groups.map((group) => (
            <fieldset key={group.legend} className="ballot-group" aria-describedby={describedBy(CHOICES_FIELD, hint, errors[CHOICES_FIELD])}>
              <legend>{group.legend}</legend>
              {group.projects.length === 0 && <p>{t('ballot.noProposals')}</p>}
              {group.projects.map((project) => (
                <BallotProjectControl
                  key={project.id}
                  project={project}
                  ballot={ballot}
                  values={values}
                  currency={currency}
                  first={project.id === firstId}
                  invalid={Boolean(errors[CHOICES_FIELD])}
                  runningTotal={round.runningTotals ? (round.runningTotals[project.id] ?? 0) : undefined}
                />
              ))}
            </fieldset>
          ))}
        </div>
        <BallotTallyStatus rules={rules} tally={tally} currency={currency} />
        <button type="submit" className="button">
          {t('ballot.continue')}
        </button>
      </form>
    </>
  );
};
