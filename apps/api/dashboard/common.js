// Shared by the dashboard pages: requests with the viewer's token, and
// durations and percentages as people read them. Plain script, no build.
window.opsdesk = (function () {
  'use strict';

  const TOKEN_KEY = 'opsdesk.token';

  // TODO(#5): every API request needs a bearer token. One given in the
  // address as #token=… is kept for this tab and sent with each request;
  // opening the page in a plain browser also needs /dashboard on the
  // authentication middleware's public paths (the page holds no data).
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function headers() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token
      ? { accept: 'application/json', authorization: `Bearer ${token}` }
      : { accept: 'application/json' };
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: headers() });
    const body = await response.json();
    if (!response.ok) {
      const error = body && body.error;
      const fields = error && error.details && error.details.fields;
      const detail = fields
        ? fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('，')
        : '';
      throw new Error(
        `${path} → ${response.status} ${error ? error.code : ''} ${detail}`,
      );
    }
    return body;
  }

  /** Seconds in the unit that suits the largest value. */
  function unitFor(maxSeconds) {
    if (maxSeconds >= 2 * 86400) return { name: '天', seconds: 86400 };
    if (maxSeconds >= 2 * 3600) return { name: '小时', seconds: 3600 };
    if (maxSeconds >= 120) return { name: '分钟', seconds: 60 };
    return { name: '秒', seconds: 1 };
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const unit = unitFor(seconds);
    const value = seconds / unit.seconds;
    return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ${unit.name}`;
  }

  function percent(rate) {
    return rate === null || rate === undefined
      ? '–'
      : `${(rate * 100).toFixed(1)}%`;
  }

  function shanghai(iso) {
    return iso
      ? new Date(iso).toLocaleString('zh-CN', {
          timeZone: 'Asia/Shanghai',
          hour12: false,
        })
      : '–';
  }

  /** Runs `load`, then marks the page ready, or shows why it is not. */
  function start(load) {
    document.addEventListener('DOMContentLoaded', () => {
      load().then(
        () => {
          document.body.dataset.state = 'ready';
        },
        (error) => {
          const message = document.querySelector('#message');
          message.textContent = `数据加载失败：${error.message}`;
          message.hidden = false;
          document.body.dataset.state = 'error';
        },
      );
    });
  }

  return { getJson, unitFor, duration, percent, shanghai, start };
})();
