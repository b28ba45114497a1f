// Apache ECharts, only the pieces the dashboard draws (bar, line and flow charts on a canvas), so the
// coordinator page does not carry the whole library.
import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, SankeyChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface Chart {
  update(option: ChartOption): void;
}

const PALETTE = ['#1f7a4d', '#e0a526', '#3a6ea5', '#c4472b', '#7a5ba6'];

export function chart(el: HTMLElement): Chart {
  const instance = echarts.init(el, undefined, { renderer: 'canvas' });
  new ResizeObserver(() => instance.resize()).observe(el);
  return {
    update(option) {
      instance.setOption({ color: PALETTE, textStyle: { fontFamily: 'inherit' }, animationDuration: 300, ...option }, true);
    },
  };
}
