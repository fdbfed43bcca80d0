/**
 * A figure in words with a bar that repeats it by length: the text names the bar (aria-labelledby), so the
 * bar never says more than the words, and nothing depends on its colour.
 */
export const ProgressFigure = ({ id, text, fraction }: { id: string; text: string; fraction: number }) => {
  return (
    <div className="progress-figure">
      <p id={id}>{text}</p>
      <progress aria-labelledby={id} max={1} value={Math.min(Math.max(fraction, 0), 1)} />
    </div>
  );
};
