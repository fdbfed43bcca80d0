import Decimal from 'decimal.js';
import type { ProjectImplementation } from '../../../shared/contracts/decisions';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal } from '../../../shared/contracts/rounds';
import { formatMinor } from '../../../server/src/domain/money/amount';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { DoneNotice } from '../components/DoneNotice';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import { MILESTONE_STATUSES, milestoneField, type ImplementationFormValues } from '../workspace/implementation-form';

/**
 * A funded proposal's implementation as staff keep it: progress, spending against the funded amount and
 * its budget line, and the milestones (each row editable, a blank row to add one, a box to remove one).
 */
export const ImplementationFormPage = ({
  municipality,
  proposal,
  implementation,
  line,
  values,
  errors,
  saved,
}: {
  municipality: Municipality;
  proposal: Proposal;
  implementation: ProjectImplementation;
  line: { code: string; name: string; fiscalYear: number; revisedMinor: string; committedMinor: string } | null;
  values: ImplementationFormValues;
  errors: FieldErrors;
  saved: boolean;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const { funding } = implementation;
  const proposalTitle = <UserText language={writtenIn(proposal, municipality)}>{proposal.title}</UserText>;
  const statusOptions = MILESTONE_STATUSES.map((status) => ({ value: status, label: t(`milestone.status.${status}` as MessageKey) }));
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsImplementation.title'), path: '/implementation' }]} />
      <ErrorSummary errors={errors} />
      <h1>
        <Message id="wsImplementation.formTitle" values={{ title: proposalTitle }} />
      </h1>
      <DoneNotice message={saved ? 'wsImplementation.done.saved' : null} />
      {!funding ? (
        <p>
          {t('wsImplementation.notFunded')} <a href={href(`/workspace/${municipality.code}/decisions/new`)}>{t('wsImplementation.toDecisions')}</a>
        </p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('wsImplementation.funded')}</dt>
              <dd>
                {money(funding.amount)} ({t('decision.entryNumber', { sequence: funding.decisionEntry })})
              </dd>
            </div>
            <div>
              <dt>{t('decision.budgetLine')}</dt>
              <dd>
                {line ? (
                  <Message id="wsImplementation.lineTitle" values={{ code: line.code, name: <UserText language={municipality.contentLanguage}>{line.name}</UserText>, year: String(line.fiscalYear) }} />
                ) : (
                  funding.budgetLine.code
                )}
              </dd>
            </div>
            {line && (
              <div>
                <dt>{t('wsImplementation.lineLeft')}</dt>
                <dd>{money(formatMinor(BigInt(line.revisedMinor) - BigInt(line.committedMinor)))}</dd>
              </div>
            )}
            <div>
              <dt>{t('wsImplementation.spent')}</dt>
              <dd>{money(implementation.spent)}</dd>
            </div>
            <div>
              <dt>{t('wsImplementation.fundingLeft')}</dt>
              <dd>{money(new Decimal(funding.amount).minus(implementation.spent).toFixed(2))}</dd>
            </div>
          </dl>
          <p>
            <a href={href(`/proposals/${proposal.documentId}/implementation`)}>
              <Message id="wsImplementation.publicPage" values={{ title: proposalTitle }} />
            </a>
          </p>
          <form method="post" action={href(`/workspace/${municipality.code}/implementation/${proposal.documentId}`)} noValidate>
            <CsrfField />
            <input type="hidden" name="milestoneRows" value={values.milestones.length} />
            <TextField
              name="progressPercent"
              label={t('wsImplementation.progressLabel')}
              hint={t('wsImplementation.progressHint')}
              value={values.progressPercent}
              error={errors.progressPercent}
              inputMode="numeric"
            />
            <TextField
              name="spent"
              label={t('wsImplementation.spentLabel', { currency: municipality.currency })}
              hint={t('wsImplementation.spentHint', { funded: money(funding.amount) })}
              value={values.spent}
              error={errors.spent}
              inputMode="decimal"
            />
            <h2 id="milestones" tabIndex={-1}>
              {t('wsImplementation.milestones')}
            </h2>
            {values.milestones.map((row, index) => {
              const isNew = index === values.milestones.length - 1 && row.title === '' && row.dueDate === '';
              return (
                <fieldset key={index} className="field-group">
                  <legend>{isNew ? t('wsImplementation.newMilestone') : t('wsImplementation.milestoneNumber', { number: index + 1 })}</legend>
                  <TextField name={milestoneField(index, 'title')} label={t('wsImplementation.milestoneTitle')} value={row.title} error={errors[milestoneField(index, 'title')]} />
                  <TextField
                    name={milestoneField(index, 'dueDate')}
                    label={t('wsImplementation.dueDate')}
                    hint={t('wsImplementation.dateHint')}
                    value={row.dueDate}
                    error={errors[milestoneField(index, 'dueDate')]}
                  />
                  <SelectField
                    name={milestoneField(index, 'status')}
                    label={t('wsImplementation.milestoneStatus')}
                    value={row.status}
                    error={errors[milestoneField(index, 'status')]}
                    options={statusOptions}
                  />
                  <TextField
                    name={milestoneField(index, 'doneDate')}
                    label={t('wsImplementation.doneDate')}
                    hint={t('wsImplementation.doneDateHint')}
                    value={row.doneDate}
                    error={errors[milestoneField(index, 'doneDate')]}
                  />
                  {!isNew && (
                    <div className="choice">
                      <input type="checkbox" id={milestoneField(index, 'remove')} name={milestoneField(index, 'remove')} value="yes" defaultChecked={row.remove} />
                      <label htmlFor={milestoneField(index, 'remove')}>{t('wsImplementation.remove')}</label>
                    </div>
                  )}
                </fieldset>
              );
            })}
            <button type="submit" className="button">{t('wsImplementation.save')}</button>
          </form>
        </>
      )}
    </>
  );
};
