import type { ActiveSuspension } from '../../../../shared/contracts/forums';
import { SUSPENSION_LIFT_REASONS } from '../../../../server/src/domain/forums/moderation-actions';
import { usePortal } from '../../components/portal-context';
import { CsrfField } from '../../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../../components/ErrorSummary';
import { Choices } from '../../components/Choices';
import { TextArea } from '../../components/TextArea';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../../components/WorkspaceTrail';
import { reasonWords } from '../../forums/reason-words';

export interface LiftValues {
  reason?: string;
  note?: string;
}

/** End a member's suspension early, with why; it stays on record. Not one's own: another moderator decides that. */
export const LiftSuspensionPage = ({
  municipality,
  suspension,
  ownSuspension,
  values,
  errors,
}: {
  municipality: WorkspaceMunicipality;
  suspension: ActiveSuspension;
  ownSuspension: boolean;
  values: LiftValues;
  errors: FieldErrors;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('workspace.tool.moderation.title'), path: '/moderation' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsModeration.lift.title', { member: suspension.username })}</h1>
      <p>
        {t('wsModeration.lift.about', { member: suspension.username, forum: suspension.forumTitle, until: i18n.date(suspension.until), reason: reasonWords(i18n, suspension.reason) })}
      </p>
      {ownSuspension ? (
        <div className="notice notice--warning">
          <p>{t('wsModeration.lift.own')}</p>
        </div>
      ) : (
        <form method="post" action={href(`/workspace/${municipality.code}/moderation/forums/${suspension.forumDocumentId}/suspensions/${suspension.userId}/lift`)} noValidate>
          <CsrfField />
          <Choices
            name="reason"
            type="radio"
            legend={t('wsModeration.lift.reasonLegend')}
            error={errors.reason}
            checked={values.reason ? [values.reason] : []}
            options={SUSPENSION_LIFT_REASONS.map((reason) => ({ value: reason, label: reasonWords(i18n, reason) }))}
          />
          <TextArea name="note" label={t('wsModeration.noteLabel')} hint={t('wsModeration.noteHint')} value={values.note} error={errors.note} rows={3} />
          <button type="submit" className="button">
            {t('wsModeration.lift.submit', { member: suspension.username })}
          </button>{' '}
          <a href={href(`/workspace/${municipality.code}/moderation`)}>{t('wsModeration.back')}</a>
        </form>
      )}
    </>
  );
};
