/** What was wrong with the search in the link, and that it was adjusted instead of failing. */
export function LinkProblems({ problems }: { problems: string[] }) {
  return (
    <div role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">This link's search had problems, so it was adjusted:</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
