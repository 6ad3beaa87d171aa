import type * as Echarts from 'echarts';

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart drawn on the server by ECharts (SVG renderer, no browser), made safe
 * to inline under a strict CSP: its hover `<style>` and inline `style` attributes become plain
 * SVG presentation attributes.
 */
export function barChartSvg(data: BarDatum[], options: { title: string; unit: string; color: string; width?: number }): string {
  const width = options.width ?? 640;
  const height = 60 + data.length * 28;
  // Loaded on first use: ECharts is large, and every process start would otherwise pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require('echarts') as typeof Echarts;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'value', axisLabel: { color: '#1b1b1b' }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
      yAxis: { type: 'category', inverse: true, data: data.map((d) => d.label), axisLabel: { color: '#1b1b1b', width: 200, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: options.color }, label: { show: true, position: 'right', color: '#1b1b1b', formatter: `{c}${options.unit}` } }],
    });
    return cspSafe(chart.renderToSVGString(), options.title);
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
