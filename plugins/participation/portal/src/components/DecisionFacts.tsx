import type { DecisionLogEntry } from "../../../shared/contracts/decisions";
import type { MessageKey } from "../i18n/translator";
import { usePortal } from "./portal-context";
import type { PortalLanguage } from "../i18n/languages";
import { UserText } from "./UserText";
import {
  BudgetLineLink,
  DecisionSubject,
  type SubjectTitles,
} from "./DecisionSubject";

/** What a logged decision says, as both the log and an entry's own page show it. */
export const DecisionFacts = ({
  entry,
  titles,
  currency,
  language,
}: {
  entry: DecisionLogEntry;
  titles: SubjectTitles;
  currency: string;
  /** Staff write the rationale in their municipality's content language. */
  language: PortalLanguage;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const { decision } = entry;
  return (
    <dl className="facts">
      <div>
        <dt>{t("decision.kind")}</dt>
        <dd>{t(`decision.kind.${decision.kind}` as MessageKey)}</dd>
      </div>
      <div>
        <dt>{t("decision.subject")}</dt>
        <dd>
          <DecisionSubject entry={entry} titles={titles} />
        </dd>
      </div>
      {decision.amount !== null && (
        <div>
          <dt>{t("decision.amount")}</dt>
          <dd>{i18n.money(decision.amount, currency)}</dd>
        </div>
      )}
      {decision.budgetLine && decision.subject.kind !== "budget-line" && (
        <div>
          <dt>{t("decision.budgetLine")}</dt>
          <dd>
            <BudgetLineLink
              municipalityCode={entry.municipalityCode}
              line={decision.budgetLine}
            />
          </dd>
        </div>
      )}
      <div>
        <dt>{t("decision.councilReference")}</dt>
        <dd>{decision.councilDecisionReference}</dd>
      </div>
      <div>
        <dt>{t("decision.date")}</dt>
        <dd>{i18n.date(decision.decisionDate)}</dd>
      </div>
      {decision.correctsEntry !== null && (
        <div>
          <dt>{t("decision.corrects")}</dt>
          <dd>
            <a
              href={href(
                `/municipalities/${entry.municipalityCode}/decisions/${decision.correctsEntry}`,
              )}
            >
              {t("decision.entryNumber", { sequence: decision.correctsEntry })}
            </a>
          </dd>
        </div>
      )}
      <div>
        <dt>{t("decision.rationale")}</dt>
        <dd className="prose">
          <UserText language={language}>{decision.rationale}</UserText>
        </dd>
      </div>
    </dl>
  );
};
