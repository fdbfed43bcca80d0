import { formatMinor } from '../../../server/src/domain/money/amount';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { BallotTally } from '../ballot/ballot-tally';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { UserText, writtenIn } from '../components/UserText';
import type { ProjectLanguages } from '../ballot/project-languages';

/**
 * Check your answers before the vote is cast: what was chosen (in order, for a ranking), the cost so far
 * and what is left, the points left. One form carries the choices as hidden fields: "confirm" casts them,
 * "change" takes them back to the ballot.
 */
export const BallotReviewPage = ({
  round,
  municipality,
  tally,
  languages,
  fields,
  districtCode,
}: {
  round: Round;
  municipality: Municipality;
  tally: BallotTally;
  /** What each chosen project's title is written in. */
  languages: ProjectLanguages;
  fields: Array<[string, string]>;
  districtCode?: string;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (minor: bigint | string) => i18n.money(formatMinor(minor), municipality.currency);
  const { kind } = round.ballotRules;
  const district = round.districts.find((candidate) => candidate.code === districtCode);
  const List = kind === 'ordinal' ? 'ol' : 'ul';
  const votePath = `/rounds/${round.documentId}/vote`;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>
          <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
        </a>
      </p>
      <h1>{t('ballot.reviewTitle')}</h1>
      <dl className="check-answers">
        {district && (
          <div>
            <dt>{t('ballot.district')}</dt>
            <dd>{district.name}</dd>
          </div>
        )}
        <div>
          <dt>{t(kind === 'ordinal' ? 'ballot.yourOrder' : 'ballot.yourChoices')}</dt>
          <dd>
            <List className="ballot-choices">
              {tally.chosen.map(({ project, points }) => (
                <li key={project.id}>
                  <UserText language={languages(project.id)}>{project.title}</UserText>
                  {' – '}
                  {money(project.costMinor)}
                  {points !== undefined && ` – ${t('ballot.points', { points: i18n.number(points) })}`}
                </li>
              ))}
            </List>
          </dd>
        </div>
        {kind !== 'choose-1' && (
          <div>
            <dt>{t('ballot.costSoFar')}</dt>
            <dd>{money(tally.costMinor)}</dd>
          </div>
        )}
        {tally.leftMinor !== undefined && (
          <div>
            <dt>{t('ballot.leftToSpend')}</dt>
            <dd>{money(tally.leftMinor)}</dd>
          </div>
        )}
        {tally.pointsLeft !== undefined && (
          <div>
            <dt>{t('ballot.pointsLeft')}</dt>
            <dd>{i18n.number(tally.pointsLeft)}</dd>
          </div>
        )}
      </dl>
      <p>{t(round.schedule.votingClose ? 'ballot.changeUntil' : 'ballot.changeWhileOpen', { date: round.schedule.votingClose ? i18n.date(round.schedule.votingClose) : '' })}</p>
      <form method="post" action={href(`${votePath}/confirm`)} className="button-group">
        <CsrfField />
        {fields.map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="button">
          {t('ballot.confirm')}
        </button>
        <button type="submit" className="button button--secondary" formAction={href(`${votePath}/change`)}>
          {t('ballot.change')}
        </button>
      </form>
    </>
  );
};
