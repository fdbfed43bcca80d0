import type { DecisionLogCheckpoint, DecisionLogEntry, DecisionLogVerification } from '../../../shared/contracts/decisions';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { usePortal } from '../components/portal-context';
import { DecisionFacts } from '../components/DecisionFacts';
import type { SubjectTitles } from '../components/DecisionSubject';
import { LogVerification } from '../components/LogVerification';

/** The API's addresses for the log's export, a checkpoint and the signing key (the files the check reads). */
export interface DecisionLogLinks {
  exportLog: string;
  checkpoint: (size: number) => string;
  signingKey: string;
}

/**
 * One entry of the decision log with everything it holds, and how anyone can check it without trusting
 * this site: the saved log, the checkpoint signed with this entry and the public key, through `npm run verify-log`.
 */
export const DecisionPage = ({
  municipality,
  entry,
  titles,
  verification,
  checkpoint,
  signedWithEntry,
  api,
}: {
  municipality: Municipality;
  entry: DecisionLogEntry;
  titles: SubjectTitles;
  verification: DecisionLogVerification;
  checkpoint: DecisionLogCheckpoint | null;
  /** Whether a checkpoint was signed when this entry was appended (logs before checkpoints have none). */
  signedWithEntry: boolean;
  api: DecisionLogLinks;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const files = {
    log: `decision-log-${municipality.code}.json`,
    checkpoint: `checkpoint-${municipality.code}-${entry.sequence}.json`,
    key: 'signing-key.json',
  };
  const command = ['npm run verify-log --', files.log, '--head', entry.hash, ...(signedWithEntry ? ['--checkpoint', files.checkpoint, '--key', files.key] : [])].join(' ');
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}/decisions`)}>{t('decisions.title', { municipality: municipality.name })}</a>
      </p>
      <h1>{t('decision.title', { sequence: entry.sequence, municipality: municipality.name })}</h1>
      <DecisionFacts entry={entry} titles={titles} currency={municipality.currency} language={municipality.contentLanguage} />
      <LogVerification verification={verification} checkpoint={checkpoint} />
      <h2>{t('decision.inTheLog')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('decision.publishedAt')}</dt>
          <dd>{i18n.date(entry.publishedAt)}</dd>
        </div>
        <div>
          <dt>{t('decision.hash')}</dt>
          <dd>
            <code className="hash__full">{entry.hash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('decision.previousHash')}</dt>
          <dd>
            <code className="hash__full">{entry.previousHash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('decision.hashRule')}</dt>
          <dd>{entry.hashRule}</dd>
        </div>
      </dl>
      <h2>{t('decision.checkYourself')}</h2>
      <p>{t('decision.checkYourselfLead')}</p>
      <ol className="steps">
        <li>
          <a href={api.exportLog} download={files.log}>
            {t('decision.downloadLog', { file: files.log })}
          </a>
        </li>
        {signedWithEntry && (
          <>
            <li>
              <a href={api.checkpoint(entry.sequence)} download={files.checkpoint}>
                {t('decision.downloadCheckpoint', { file: files.checkpoint })}
              </a>
            </li>
            <li>
              <a href={api.signingKey} download={files.key}>
                {t('decision.downloadKey', { file: files.key })}
              </a>
            </li>
          </>
        )}
        <li>
          {t('decision.runCommand')}
          <pre className="command">
            <code>{command}</code>
          </pre>
        </li>
      </ol>
      <p>{t(signedWithEntry ? 'decision.commandChecksCheckpoint' : 'decision.commandChecks')}</p>
    </>
  );
};
