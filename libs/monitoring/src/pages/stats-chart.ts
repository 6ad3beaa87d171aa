import type * as Echarts from 'echarts';

export interface BarDatum {
  label: string;
  value: number;
}

/** A point of a series over time; `null` where there is nothing to measure (a gap in the line). */
export interface TimeDatum {
  label: string;
  value: number | null;
}

/**
 * A horizontal bar chart drawn on the server by ECharts (SVG renderer, no browser), made safe
 * to inline under a strict CSP: its hover `<style>` and inline `style` attributes become plain
 * SVG presentation attributes.
 */
export function barChartSvg(data: BarDatum[], options: { title: string; unit: string; color: string; width?: number }): string {
  return renderSvg(options.title, options.width ?? 640, 60 + data.length * 28, {
    grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: '#1b1b1b' }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
    yAxis: { type: 'category', inverse: true, data: data.map((d) => d.label), axisLabel: { color: '#1b1b1b', width: 200, overflow: 'truncate' } },
    series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: options.color }, label: { show: true, position: 'right', color: '#1b1b1b', formatter: `{c}${options.unit}` } }],
  });
}

/** A line over time (one point per period, left to right), drawn and made CSP-safe like the bar chart. */
export function lineChartSvg(data: TimeDatum[], options: { title: string; unit: string; color: string; max?: number; width?: number }): string {
  return renderSvg(options.title, options.width ?? 640, 280, {
    grid: { left: 8, right: 24, top: 24, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.label), axisLabel: { color: '#1b1b1b' } },
    yAxis: { type: 'value', min: 0, max: options.max, axisLabel: { color: '#1b1b1b', formatter: `{value}${options.unit}` }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
    series: [
      {
        type: 'line',
        data: data.map((d) => d.value),
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color: options.color },
        lineStyle: { color: options.color, width: 3 },
        label: { show: true, position: 'top', color: '#1b1b1b', formatter: `{c}${options.unit}` },
      },
    ],
  });
}

function renderSvg(title: string, width: number, height: number, option: Record<string, unknown>): string {
  // A pure function of its input, and drawing costs tens of ms: the figures change rarely (and
  // are reused for STATS_CACHE_SECONDS), so every visitor of the same figures gets one drawing.
  const key = JSON.stringify([title, width, height, option]);
  const drawn = DRAWN.get(key);
  if (drawn !== undefined) return drawn;
  const svg = draw(title, width, height, option);
  if (DRAWN.size >= MAX_DRAWN) DRAWN.delete(DRAWN.keys().next().value!);
  DRAWN.set(key, svg);
  return svg;
}

const DRAWN = new Map<string, string>();
const MAX_DRAWN = 64;

function draw(title: string, width: number, height: number, option: Record<string, unknown>): string {
  // Loaded on first use: ECharts is large, and every process start would otherwise pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require('echarts') as typeof Echarts;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return cspSafe(chart.renderToSVGString(), title);
  } finally {
    chart.dispose();
  }
}

function cspSafe(svg: string, title: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_all, css: string) =>
      css
        .split(';')
        .map((rule) => rule.split(':').map((part) => part.trim()))
        .filter(([name, value]) => name && value && /^[a-z-]+$/.test(name))
        .map(([name, value]) => ` ${name}="${value.replace(/"/g, '')}"`)
        .join(''),
    )
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/<svg /, `<svg role="img" aria-label="${escapeAttribute(title)}" class="chart" `);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
