import type { ActiveSuspension } from '../../../../shared/contracts/forums';
import { SUSPENSION_LIFT_REASONS } from '../../../../server/src/domain/forums/moderation-actions';
import { usePortal } from '../../components/portal-context';
import { Message } from '../../components/Message';
import { UserText, writtenIn } from '../../components/UserText';
import { ErrorSummary, type FieldErrors } from '../../components/ErrorSummary';
import { Choices } from '../../components/Choices';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../../components/WorkspaceTrail';
import { reasonWords } from '../../forums/reason-words';
import { ModerationActionForm } from './ModerationForm';

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
  const { i18n } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('workspace.tool.moderation.title'), path: '/moderation' }]} />
      <ErrorSummary errors={errors} />
      <h1>{t('wsModeration.lift.title', { member: suspension.username })}</h1>
      <p>
        <Message
          id="wsModeration.lift.about"
          values={{
            member: suspension.username,
            forum: <UserText language={writtenIn({ language: suspension.forumLanguage }, municipality)}>{suspension.forumTitle}</UserText>,
            until: i18n.date(suspension.until),
            reason: reasonWords(i18n, suspension.reason),
          }}
        />
      </p>
      {ownSuspension ? (
        <div className="notice notice--warning">
          <p>{t('wsModeration.lift.own')}</p>
        </div>
      ) : (
        <ModerationActionForm
          municipalityCode={municipality.code}
          action={`/workspace/${municipality.code}/moderation/forums/${suspension.forumDocumentId}/suspensions/${suspension.userId}/lift`}
          submitLabel={t('wsModeration.lift.submit', { member: suspension.username })}
          note={values.note}
          noteError={errors.note}
        >
          <Choices
            name="reason"
            type="radio"
            legend={t('wsModeration.lift.reasonLegend')}
            error={errors.reason}
            checked={values.reason ? [values.reason] : []}
            options={SUSPENSION_LIFT_REASONS.map((reason) => ({ value: reason, label: reasonWords(i18n, reason) }))}
          />
        </ModerationActionForm>
      )}
    </>
  );
};
