import type { ReactNode } from 'react';
import { formatMinor } from '../../../server/src/domain/money/amount';
import type { Round } from '../../../shared/contracts/rounds';
import { CHOICES_FIELD, NUMBER_FIELD_PREFIX, type BallotFormValues } from '../ballot/ballot-form';
import type { BallotProject, BallotTally, OpenBallot } from '../ballot/ballot-tally';
import { usePortal } from './portal-context';
import { CsrfField } from './CsrfField';
import type { FieldErrors } from './ErrorSummary';
import { HintAndError, describedBy } from './FieldParts';
import { Choices } from './Choices';
import { BallotTallyStatus } from './BallotTallyStatus';
import type { ProjectLanguages } from '../ballot/project-languages';
import type { PortalLanguage } from '../i18n/languages';
import { UserText } from './UserText';
import { Message } from './Message';

interface ProjectProps {
  project: BallotProject;
  ballot: OpenBallot;
  /** What the project's title is written in. */
  language: PortalLanguage;
  values: BallotFormValues;
  currency: string;
  /** The first control of the form's proposals: the error summary's link lands on it. */
  first: boolean;
  invalid: boolean;
  /** Ballots listing it so far, in rounds that show running totals (live.js keeps it current). */
  runningTotal?: number;
}

/** One proposal on the ballot: its control (box, button or number), its title, cost and proposal page. */
const BallotProjectControl = ({ project, ballot, language, values, currency, first, invalid, runningTotal }: ProjectProps) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const id = first ? CHOICES_FIELD : `project-${project.id}`;
  const kind = ballot.ballotRules.kind;
  const prefix = NUMBER_FIELD_PREFIX[kind];
  const title = <UserText language={language}>{project.title}</UserText>;
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
        <span className="visually-hidden"> {title}</span>
      </a>
    </p>
  );
  const describedByIds = [`${id}-details`, invalid ? `${CHOICES_FIELD}-error` : null].filter(Boolean).join(' ');
  if (prefix) {
    return (
      <div className="ballot-project">
        <label htmlFor={id}>
          <Message id={kind === 'cumulative' ? 'ballot.pointsFor' : 'ballot.positionOf'} values={{ title }} />
        </label>
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
      <label htmlFor={id}>{title}</label>
      {details}
    </div>
  );
};

/**
 * A round's ballot as a plain form, for every ballot kind: the district (when the round has several), then
 * each district's proposals in a fieldset of their own (boxes, a radio, points or positions), what the
 * choices add up to, and one button. The voter's own ballot and the facilitator's desk both use it; the
 * desk puts the person and their consent before the ballot (`children`). ballot.js adds the running count.
 */
export const BallotForm = ({
  round,
  currency,
  ballot,
  languages,
  values,
  errors,
  tally,
  action,
  submitLabel,
  showRunningTotals = false,
  children,
}: {
  round: Round;
  currency: string;
  ballot: OpenBallot;
  /** What each project's title is written in. */
  languages: ProjectLanguages;
  values: BallotFormValues;
  errors: FieldErrors;
  tally: BallotTally | null;
  action: string;
  submitLabel: string;
  /** Ballots listing each proposal so far, in rounds that show them (the voter's ballot; not the desk). */
  showRunningTotals?: boolean;
  children?: ReactNode;
}) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const rules = ballot.ballotRules;
  const groups =
    round.districts.length > 0
      ? round.districts.map((district) => ({ legend: district.name, projects: ballot.projects.filter((project) => project.districtCode === district.code) }))
      : [{ legend: t('ballot.proposals'), projects: ballot.projects }];
  const firstId = groups.flatMap((group) => group.projects)[0]?.id;
  const hint = t(NUMBER_FIELD_PREFIX[rules.kind] ? (rules.kind === 'cumulative' ? 'ballot.pointsHint' : 'ballot.rankHint') : 'ballot.chooseHint');
  const runningTotals = showRunningTotals ? round.runningTotals : null;
  return (
    <form
      method="post"
      action={action}
      noValidate
      className="ballot-form"
      data-ballot-kind={rules.kind}
      data-lang={i18n.lang}
      data-currency={currency}
      data-max-cost-minor={rules.maxCost}
      data-total-points={rules.totalPoints}
    >
      <CsrfField />
      {children}
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
                language={languages(project.id)}
                values={values}
                currency={currency}
                first={project.id === firstId}
                invalid={Boolean(errors[CHOICES_FIELD])}
                runningTotal={runningTotals ? (runningTotals[project.id] ?? 0) : undefined}
              />
            ))}
          </fieldset>
        ))}
      </div>
      <BallotTallyStatus rules={rules} tally={tally} currency={currency} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
};
