import { SharedPage } from '@ventanilla/web';
import type { PageRenderer } from '@ventanilla/web';
import type { SubjectsService } from '@ventanilla/subjects';
import type { SubjectStatsService } from '../stats/subject-stats.service';
import { MonitoringPagesController } from './monitoring-pages.controller';
import type { PublicRequestsService } from './public-requests.service';

const view = () => ({ items: [], unreachableSubjects: [], from: '2026-01-01', to: '2026-12-31' });

describe('/estadisticas rendered once per set of figures', () => {
  function controller(views: ReturnType<typeof view>[]) {
    const pages = {
      language: () => 'es',
      translator: () => (key: string) => key,
      renderShared: jest.fn(() => new SharedPage('<html></html>')),
      sendShared: jest.fn(async (_req: unknown, _res: unknown, _page: SharedPage) => undefined),
    };
    const stats = { bySubject: jest.fn(async () => views.shift()!) };
    const requests = { departments: jest.fn(async () => []) };
    const c = new MonitoringPagesController(pages as unknown as PageRenderer, stats as unknown as SubjectStatsService, {} as SubjectsService, requests as unknown as PublicRequestsService);
    return { c, pages };
  }

  it('reuses the page while the figures are the same, renders again for new figures or another order', async () => {
    const same = view();
    const { c, pages } = controller([same, same, same, view()]);
    const ask = (query: Record<string, unknown>) => c.statistics({} as never, {} as never, query);
    await ask({});
    await ask({});
    expect(pages.renderShared).toHaveBeenCalledTimes(1);
    expect(pages.sendShared.mock.calls[1][2]).toBe(pages.sendShared.mock.calls[0][2]);
    await ask({ orden: 'nombre' });
    expect(pages.renderShared).toHaveBeenCalledTimes(2);
    // New figures (the statistics' cache counted again): a new page.
    await ask({});
    expect(pages.renderShared).toHaveBeenCalledTimes(3);
  });
});
