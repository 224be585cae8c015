/** A horizontal bar chart in plain HTML/CSS: one row per item, bars scaled to the largest value. */
export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

export function Bars<T>({ title, rows, labelOf, series, valueOf, format = (n) => n.toLocaleString('vi-VN'), testId }: {
  title: string;
  rows: T[];
  labelOf: (row: T) => string;
  series: BarSeries[];
  valueOf: (row: T, key: string) => number;
  format?: (n: number) => string;
  testId?: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => valueOf(r, s.key))));
  return (
    <figure className="bars" data-testid={testId}>
      <figcaption>
        {title}
        <span className="bars-legend">
          {series.map((s) => (
            <span key={s.key}>
              <i style={{ background: s.color }} /> {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      {rows.map((r, i) => (
        <div className="bars-row" key={i}>
          <span className="bars-label" title={labelOf(r)}>
            {labelOf(r)}
          </span>
          <span className="bars-values">
            {series.map((s) => {
              const v = valueOf(r, s.key);
              return (
                <span className="bars-line" key={s.key}>
                  <span className="bars-bar" style={{ width: `${(v / max) * 100}%`, background: s.color }} aria-label={`${s.label}: ${format(v)}`} />
                  <span className="bars-number">{format(v)}</span>
                </span>
              );
            })}
          </span>
        </div>
      ))}
    </figure>
  );
}
