import type { ParticipatorySpending } from '../../../shared/contracts/decisions';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { formatMinor } from '../../../server/src/domain/money/amount';
import { usePortal } from '../components/portal-context';
import { TableRegion } from '../components/TableRegion';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';

/** A budget line as stored (amounts in minor units) with what participatory projects commit to it and spend from it. */
export interface LineSpending {
  line: { documentId: string; code: string; name: string; fiscalYear: number; revisedMinor: string; committedMinor: string };
  spending: ParticipatorySpending;
}

/** Funded proposals by the budget line that pays for them: the line's money, then each project's funding, spending and progress. */
export const WorkspaceImplementationPage = ({ municipality, lines }: { municipality: Municipality; lines: LineSpending[] }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const base = `/workspace/${municipality.code}`;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsImplementation.title')}</h1>
      <p className="lead">{t('wsImplementation.lead')}</p>
      {lines.length === 0 && (
        <p>
          {t('wsImplementation.empty')} <a href={href(`${base}/decisions`)}>{t('wsImplementation.toDecisions')}</a>
        </p>
      )}
      {lines.map(({ line, spending }) => (
        <section key={line.documentId} aria-labelledby={`line-${line.documentId}`}>
          <h2 id={`line-${line.documentId}`}>
            <Message id="wsImplementation.lineTitle" values={{ code: line.code, name: <UserText language={municipality.contentLanguage}>{line.name}</UserText>, year: String(line.fiscalYear) }} />
          </h2>
          <dl className="facts">
            <div>
              <dt>{t('wsImplementation.revised')}</dt>
              <dd>{money(formatMinor(line.revisedMinor))}</dd>
            </div>
            <div>
              <dt>{t('wsImplementation.lineLeft')}</dt>
              <dd>{money(formatMinor(BigInt(line.revisedMinor) - BigInt(line.committedMinor)))}</dd>
            </div>
            <div>
              <dt>{t('wsImplementation.committed')}</dt>
              <dd>{money(spending.committed)}</dd>
            </div>
            <div>
              <dt>{t('wsImplementation.spent')}</dt>
              <dd>{money(spending.spent)}</dd>
            </div>
          </dl>
          <TableRegion caption={t('wsImplementation.projects', { code: line.code })}>
            <thead>
              <tr>
                <th scope="col">{t('wsImplementation.project')}</th>
                <th scope="col">{t('wsImplementation.funded')}</th>
                <th scope="col">{t('wsImplementation.spent')}</th>
                <th scope="col">{t('wsImplementation.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {spending.projects.map((project) => (
                <tr key={project.proposalDocumentId}>
                  <th scope="row">
                    <a href={href(`${base}/implementation/${project.proposalDocumentId}`)}>
                      <Message id="wsImplementation.updateLink" values={{ title: <UserText language={writtenIn(project, municipality)}>{project.title}</UserText> }} />
                    </a>
                  </th>
                  <td>{money(project.committed)}</td>
                  <td>{money(project.spent)}</td>
                  <td>{i18n.percent(project.progressPercent / 100)}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </section>
      ))}
    </>
  );
};
