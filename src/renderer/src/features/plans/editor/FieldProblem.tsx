import { usePlanDraft } from '../planDraft';

/** The sentence a refused save gave for this field, under it; the field itself turns red (see useProblem). */
export function useProblem(path: string): string | undefined {
  return usePlanDraft((s) => s.problems[path]);
}

export function FieldProblem({ message }: { message: string | undefined }) {
  return message ? (
    <div className="field-problem" role="alert">
      {message}
    </div>
  ) : null;
}
