import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiMetrics } from './api-metrics';

/**
 * For Prometheus: public as `/health` is, since it holds counts and ages
 * only. A deployment that exposes the API beyond its own network keeps
 * `/metrics` inside it at the proxy, as it would `/health`.
 */
@ApiTags('operations 运维')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @ApiOperation({ summary: '指标 Metrics in Prometheus’s text format' })
  @ApiProduces('text/plain')
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    const { contentType, text } = await this.metrics.render();
    res.setHeader('Content-Type', contentType);
    return text;
  }
}
