import type { Consultation, InputChannel, RecordedInput } from '../../../shared/contracts/consultations';
import type { Paginated } from '../../../shared/contracts/common';
import type { Meeting } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { INPUT_CHANNELS } from '../../../server/src/domain/consultations/input-channels';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import type { PortalLanguage } from '../i18n/languages';
import { ConsultationWorkspaceTrail } from '../components/ConsultationWorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { CsrfField } from '../components/CsrfField';
import { TableRegion } from '../components/TableRegion';
import { Pagination } from '../components/Pagination';
import { WsMeetingList } from '../components/WsMeetingList';

/** What the person may do with the consultation now, as the access table and its state allow. */
export interface ConsultationActions {
  /** Its questions, documents and dates: only while it is a draft. */
  edit: boolean;
  open: boolean;
  close: boolean;
  enterOffline: boolean;
  publishSummary: boolean;
}

/** One person's answers, under the questions as the consultation's organisers wrote them (in `language`). */
const InputItem = ({ input, consultation, language }: { input: RecordedInput; consultation: Consultation; language: PortalLanguage }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const questionText = (id: string) => consultation.questions.find((question) => question.id === id)?.text ?? id;
  return (
    <li className="card">
      <p className="hint">
        {t(`consultation.channel.${input.channel}` as MessageKey)} · {i18n.date(input.recordedAt)}
      </p>
      <dl>
        {input.answers.map((answer) => (
          <div key={answer.questionId}>
            <dt>
              <UserText language={language}>{questionText(answer.questionId)}</UserText>
            </dt>
            <dd>{answer.text}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
};

/** One consultation for its organisers: its state and what can be done next, the answers so far by channel, and the answers themselves. */
export const WsConsultationPage = ({
  municipality,
  consultation,
  counts,
  inputs,
  meetings,
  actions,
  done,
}: {
  municipality: Municipality;
  consultation: Consultation;
  counts: Record<InputChannel, number>;
  inputs: Paginated<RecordedInput>;
  /** Its meetings (hearings, focus groups), and whether the person may schedule one now. */
  meetings: { list: Meeting[]; maySchedule: boolean };
  actions: ConsultationActions;
  done: MessageKey | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/consultations/${consultation.documentId}`;
  const { page, pageCount } = inputs.meta.pagination;
  return (
    <>
      <ConsultationWorkspaceTrail municipality={municipality} />
      <DoneNotice message={done} />
      <h1><UserText language={writtenIn(consultation, municipality)}>{consultation.topic}</UserText></h1>
      <dl className="facts">
        <div>
          <dt>{t('wsConsultations.status')}</dt>
          <dd>{t(`consultation.status.${consultation.status}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('wsConsultations.period')}</dt>
          <dd>{t('consultation.dates', { opens: i18n.date(consultation.opensAt), closes: i18n.date(consultation.closesAt) })}</dd>
        </div>
      </dl>
      <p>
        <a href={href(`/consultations/${consultation.documentId}`)}>{t('wsConsultations.publicPage')}</a>
      </p>
      <h2>{t('wsConsultations.next')}</h2>
      <ul className="account-links">
        {actions.edit && (
          <li>
            <a href={href(`${base}/edit`)}>{t('wsConsultations.edit')}</a>
            <p className="hint">{t('wsConsultations.editHelp')}</p>
          </li>
        )}
        {actions.open && (
          <li>
            <form method="post" action={href(`${base}/open`)}>
              <CsrfField />
              <button type="submit" className="button">
                {t('wsConsultations.open')}
              </button>
            </form>
            <p className="hint">{t('wsConsultations.openHelp')}</p>
          </li>
        )}
        {actions.enterOffline && (
          <li>
            <a href={href(`${base}/offline-inputs`)}>{t('wsConsultations.enterOffline')}</a>
          </li>
        )}
        {actions.close && (
          <li>
            <a href={href(`${base}/close`)}>{t('wsConsultations.close')}</a>
          </li>
        )}
        {actions.publishSummary && (
          <li>
            <a href={href(`${base}/summary`)}>{t('wsConsultations.publishSummary')}</a>
          </li>
        )}
        {!Object.values(actions).some(Boolean) && <li>{t('wsConsultations.nothingNext')}</li>}
      </ul>
      <h2>{t('consultation.meetings')}</h2>
      <WsMeetingList municipality={municipality} meetings={meetings.list} newMeetingPath={meetings.maySchedule ? `${base}/meetings/new` : undefined} />
      <h2>{t('consultation.questions')}</h2>
      <ol>
        {consultation.questions.map((question) => (
          <li key={question.id}>
            <UserText language={writtenIn(consultation, municipality)}>{question.text}</UserText>
          </li>
        ))}
      </ol>
      <TableRegion caption={t('consultation.byChannelCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('consultation.channel')}</th>
            <th scope="col">{t('wsConsultations.count')}</th>
          </tr>
        </thead>
        <tbody>
          {INPUT_CHANNELS.map((channel) => (
            <tr key={channel}>
              <th scope="row">{t(`consultation.channel.${channel}` as MessageKey)}</th>
              <td>{i18n.number(counts[channel])}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <h2>{t('consultation.inputs')}</h2>
      <p className="hint">{t('wsConsultations.inputsPrivacy')}</p>
      {inputs.data.length === 0 ? (
        <p>{t('wsConsultations.noInputs')}</p>
      ) : (
        <ol className="card-list">
          {inputs.data.map((input) => (
            <InputItem key={input.documentId} input={input} consultation={consultation} language={writtenIn(consultation, municipality)} />
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(to) => href(`${base}?page=${to}`)} />
    </>
  );
};
