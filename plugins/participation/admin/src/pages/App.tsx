import { Route, Routes } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PluginNav } from '../components/PluginNav';
import { ANY_PERMISSION } from '../plugin-id';
import BudgetLineImportPage from './BudgetLineImportPage';
import MunicipalitiesPage from './MunicipalitiesPage';
import OverviewPage from './OverviewPage';
import PeoplePage from './PeoplePage';
import ProgrammeIndicatorsPage from './ProgrammeIndicatorsPage';

/** The plugin's screens under /admin/plugins/participation, each protected by its own action as well. */
const App = () => (
  <Page.Protect permissions={ANY_PERMISSION}>
    <Layouts.Root sideNav={<PluginNav />}>
      <Routes>
        <Route index element={<MunicipalitiesPage />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="overview" element={<OverviewPage />} />
        <Route path="overview/:municipalityCode" element={<OverviewPage />} />
        <Route path="programme-indicators" element={<ProgrammeIndicatorsPage />} />
        <Route path="import" element={<BudgetLineImportPage />} />
      </Routes>
    </Layouts.Root>
  </Page.Protect>
);

export default App;
