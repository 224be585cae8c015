import { useRouter } from '../../stores/router';
import { MovementForm } from './MovementForm';
import { MovementsPage } from './MovementsPage';
import { PlanEditor } from './PlanEditor';
import './plans.css';

/** "Phong trào & kế hoạch": #/movements, #/movements/movement/<id|new>, #/movements/plan/<id>. */
export function PlansArea() {
  const rest = useRouter((s) => s.rest);
  if (rest[0] === 'movement' && rest[1]) return <MovementForm key={rest[1]} id={rest[1] === 'new' ? null : rest[1]} />;
  if (rest[0] === 'plan' && rest[1]) return <PlanEditor key={rest[1]} id={rest[1]} />;
  return <MovementsPage />;
}
