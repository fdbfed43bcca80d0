import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import type { WorkspaceMunicipality } from '../components/WorkspaceTrail';
import type { WorkspaceTool } from '../workspace/workspace-tools';

export interface MunicipalityTools {
  municipality: WorkspaceMunicipality;
  tools: readonly WorkspaceTool[];
}

const ToolList = ({ municipalityCode, tools }: { municipalityCode: string; tools: readonly WorkspaceTool[] }) => {
  const { i18n, href } = usePortal();
  return (
    <ul className="account-links">
      {tools.map((tool) => (
        <li key={tool.key}>
          <a href={href(`/workspace/${municipalityCode}${tool.path}`)}>{i18n.t(`workspace.tool.${tool.key}.title` as MessageKey)}</a>
          <p className="hint">{i18n.t(`workspace.tool.${tool.key}.help` as MessageKey)}</p>
        </li>
      ))}
    </ul>
  );
};

/** The work a staff member, moderator or facilitator can do, for every municipality they are assigned to. */
export const WorkspacePage = ({ municipalities }: { municipalities: readonly MunicipalityTools[] }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('workspace.title')}</h1>
      {municipalities.length === 0 ? (
        <p>{t('workspace.none')}</p>
      ) : (
        municipalities.map(({ municipality, tools }) => (
          <section key={municipality.code} aria-labelledby={`workspace-${municipality.code}`}>
            <h2 id={`workspace-${municipality.code}`}>
              <a href={href(`/workspace/${municipality.code}`)}>{municipality.name}</a>
            </h2>
            <ToolList municipalityCode={municipality.code} tools={tools} />
          </section>
        ))
      )}
    </>
  );
};

/** One municipality's workspace: the tools the person may use there. */
export const WorkspaceMunicipalityPage = ({ municipality, tools }: MunicipalityTools) => {
  const { i18n, href } = usePortal();
  return (
    <>
      <p className="breadcrumb">
        <a href={href('/workspace')}>{i18n.t('workspace.title')}</a>
      </p>
      <h1>{municipality.name}</h1>
      <ToolList municipalityCode={municipality.code} tools={tools} />
    </>
  );
};
