import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { dirname, join, resolve } from 'node:path';
import { ApiError } from '../http/api-error';

/** `apps/api/dashboard`: the same two levels up from `src/` and `dist/`. */
const PAGES = resolve(__dirname, '..', '..', 'dashboard');

// ECharts as published, straight from node_modules: nothing to build.
const ECHARTS = join(dirname(require.resolve('echarts')), 'echarts.min.js');

/** The only files served, by the name the pages ask for. */
const ASSETS: Readonly<Record<string, string>> = {
  'common.js': join(PAGES, 'common.js'),
  'dashboard.js': join(PAGES, 'dashboard.js'),
  'dashboard.css': join(PAGES, 'dashboard.css'),
  'timeline.js': join(PAGES, 'timeline.js'),
  'echarts.min.js': ECHARTS,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Scripts only from here; ECharts sets style attributes on its elements.
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

/**
 * 运营看板: a static page and its script, which read `/reports/*` in the
 * browser. No build step: plain HTML, CSS and JavaScript, and ECharts.
 */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  @Get()
  page(@Res() res: Response): void {
    sendPage(res, 'index.html');
  }

  @Get('tickets/:ticketId')
  timeline(@Param('ticketId') ticketId: string, @Res() res: Response): void {
    if (!UUID.test(ticketId)) {
      throw new ApiError(400, 'INVALID_REQUEST', 'ticketId must be a UUID', {
        fields: [{ field: 'path.ticketId', problems: ['must be a UUID'] }],
      });
    }
    sendPage(res, 'timeline.html');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const path = Object.prototype.hasOwnProperty.call(ASSETS, file)
      ? ASSETS[file]
      : undefined;
    if (!path) {
      throw new ApiError(404, 'NOT_FOUND', `No dashboard asset ${file}`, {
        file,
      });
    }
    res.setHeader('cache-control', 'public, max-age=300');
    res.sendFile(path);
  }
}

function sendPage(res: Response, name: string): void {
  res.setHeader('content-security-policy', POLICY);
  res.setHeader('cache-control', 'no-cache');
  res.sendFile(join(PAGES, name));
}
