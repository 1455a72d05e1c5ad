import { ComingNext } from '../components/ComingNext';
import { PageHeader } from '../components/PageHeader';

export function CalendarScreen() {
  return (
    <>
      <PageHeader title="Calendar" />
      <ComingNext
        testId="coming-calendar"
        title="Your schedule, at every zoom level"
        summary="Plan and move sessions without double-booking anyone."
        items={[
          'Day, week, month and agenda views',
          'Drag to create a session, drag to move it',
          'Conflicts explained before anything is saved, with the next free slot offered',
          'Filters by trainer and room',
        ]}
      />
    </>
  );
}
