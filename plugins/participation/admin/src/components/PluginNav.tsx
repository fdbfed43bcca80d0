import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { SubNav, SubNavHeader, SubNavLink, SubNavSection, SubNavSections } from '@strapi/design-system';
import { PERMISSIONS, t } from '../plugin-id';
import { useCan } from './use-can';

/** The plugin's own screens, each shown only to admins holding its action. */
export const PluginNav = () => {
  const { formatMessage } = useIntl();
  const can = { people: useCan(PERMISSIONS.readMunicipalities), overview: useCan(PERMISSIONS.readOverview), programme: useCan(PERMISSIONS.readProgrammeIndicators), import: useCan(PERMISSIONS.importBudgetLines) };
  const label = (id: string) => formatMessage({ id: t(id), defaultMessage: id });
  const links = [
    { to: '', key: 'nav.municipalities', show: can.people },
    { to: 'people', key: 'nav.people', show: can.people },
    { to: 'overview', key: 'nav.overview', show: can.overview },
    { to: 'programme-indicators', key: 'nav.programmeIndicators', show: can.programme },
    { to: 'import', key: 'nav.import', show: can.import },
  ];
  return (
    <SubNav aria-label={label('plugin.name')}>
      <SubNavHeader label={label('plugin.name')} />
      <SubNavSections>
        <SubNavSection label={label('nav.section')}>
          {links
            .filter((link) => link.show)
            .map((link) => (
              <SubNavLink key={link.key} tag={NavLink} to={`/plugins/participation${link.to ? `/${link.to}` : ''}`} end>
                {label(link.key)}
              </SubNavLink>
            ))}
        </SubNavSection>
      </SubNavSections>
    </SubNav>
  );
};
