import { ProjectTeam } from '../ProjectTeam.tsx';

/**
 * The project's members on its settings page. This version lists them (as the project room
 * does); managing them (invite, change role, remove) is the members panel's own work.
 */
export function MembersPanel(props: { projectId: string; canManage: boolean }) {
  return (
    <section
      class="card card-roomy project-settings-section"
      data-can-manage={props.canManage ? 'true' : 'false'}
    >
      <ProjectTeam projectId={props.projectId} />
    </section>
  );
}
