// Shared by the dashboard pages: requests with the viewer's token, and
// durations and percentages as people read them. Plain script, no build.
window.opsdesk = (function () {
  'use strict';

  const TOKEN_KEY = 'opsdesk.token';

  // The pages and their scripts are public (they hold no data); every
  // figure they fetch needs a bearer token. One given in the address as
  // #token=… or pasted into the sign-in form is kept for this tab only
  // and taken out of the address, so it stays out of history and links.
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }

  /** A figure request that needs a (new) token: the page asks for one. */
  class SignInNeeded extends Error {}

  function token() {
    const stored = sessionStorage.getItem(TOKEN_KEY);
    if (!stored) throw new SignInNeeded('本页数据需要访问令牌。');
    return stored;
  }

  async function request(path, accept) {
    const response = await fetch(path, {
      headers: { accept, authorization: `Bearer ${token()}` },
    });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      throw new SignInNeeded('访问令牌无效或已过期，请换一个。');
    }
    return response;
  }

  async function getJson(path) {
    const response = await request(path, 'application/json');
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

  /**
   * A link to a CSV report: a plain link would go without the token, so
   * the file is fetched with it and handed to the browser to save.
   */
  function downloadLink(link, path, fileName) {
    link.href = path;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      request(path, 'text/csv').then(
        async (response) => {
          if (!response.ok) throw new Error(`${path} → ${response.status}`);
          const url = URL.createObjectURL(await response.blob());
          const save = document.createElement('a');
          save.href = url;
          save.download = fileName;
          document.body.append(save);
          save.click();
          save.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        },
        (error) => showProblem(error),
      );
    });
  }

  /** A form for the token, shown where the figures would be. */
  function showSignIn(reason) {
    document.body.dataset.state = 'sign-in';
    const form = document.createElement('form');
    form.id = 'sign-in';
    form.className = 'sign-in';
    const note = document.createElement('p');
    note.textContent = `${reason}请粘贴管理员签发的访问令牌，或以 /dashboard#token=<令牌> 打开本页。令牌只保存在本标签页中。`;
    const label = document.createElement('label');
    label.textContent = '访问令牌 ';
    const input = document.createElement('input');
    input.name = 'token';
    input.type = 'password';
    input.autocomplete = 'off';
    input.required = true;
    label.append(input);
    const button = document.createElement('button');
    button.type = 'submit';
    button.textContent = '进入看板';
    form.append(note, label, button);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      location.reload();
    });
    document.querySelector('header').after(form);
    input.focus();
  }

  function showProblem(error) {
    if (error instanceof SignInNeeded) {
      showSignIn(error.message);
      return;
    }
    const message = document.querySelector('#message');
    message.textContent = `数据加载失败：${error.message}`;
    message.hidden = false;
    document.body.dataset.state = 'error';
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
      load().then(() => {
        document.body.dataset.state = 'ready';
      }, showProblem);
    });
  }

  return { getJson, downloadLink, unitFor, duration, percent, shanghai, start };
})();
