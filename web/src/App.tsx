import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { PageSpinner } from './components/PageSpinner';
import { AppLayout } from './layout/AppLayout';

// Every page is its own chunk.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const TaskListPage = lazy(() => import('./pages/TaskListPage'));
const TaskPage = lazy(() => import('./pages/TaskPage'));
const TaskFormPage = lazy(() => import('./pages/TaskFormPage'));
const SourcesPage = lazy(() => import('./pages/SourcesPage'));
const SourcePage = lazy(() => import('./pages/SourcePage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const OrganizationsPage = lazy(() => import('./pages/OrganizationsPage'));
const PeoplePage = lazy(() => import('./pages/PeoplePage'));
const CalendarPage = lazy(() => import('./pages/CalendarPage'));
const ReportSettingsPage = lazy(() => import('./pages/ReportSettingsPage'));
const UnitReportsPage = lazy(() => import('./pages/UnitReportsPage'));
const UnitReportPage = lazy(() => import('./pages/UnitReportPage'));
const ConsolidatedReportPage = lazy(() => import('./pages/ConsolidatedReportPage'));
const IssuedReportsPage = lazy(() => import('./pages/IssuedReportsPage'));
const IssuedReportPage = lazy(() => import('./pages/IssuedReportPage'));
const ReportChangesPage = lazy(() => import('./pages/ReportChangesPage'));
const MyTasksPage = lazy(() => import('./pages/MyTasksPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

export default function App() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="tasks" element={<TaskListPage />} />
          <Route path="tasks/new" element={<TaskFormPage />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="tasks/:id/edit" element={<TaskFormPage />} />
          <Route path="sources" element={<SourcesPage />} />
          <Route path="sources/:id" element={<SourcePage />} />
          <Route path="sources/:sourceId/import" element={<ImportPage />} />
          <Route path="imports/:id" element={<ImportPage />} />
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="report-settings" element={<ReportSettingsPage />} />
          <Route path="unit-reports" element={<UnitReportsPage />} />
          <Route path="unit-reports/:id" element={<UnitReportPage />} />
          <Route path="reports" element={<ConsolidatedReportPage />} />
          <Route path="reports/issued" element={<IssuedReportsPage />} />
          <Route path="reports/issued/:id" element={<IssuedReportPage />} />
          <Route path="reports/issued/:id/changes" element={<ReportChangesPage />} />
          <Route path="my" element={<MyTasksPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
