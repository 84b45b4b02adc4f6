// The JSON API with the session cookie. A 401 sends the user back to the login page.
(function () {
  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function request(method, path, body) {
    const options = { method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    let response = await fetch('/api/v1' + path, options);
    // 503 with Retry-After: the server was too busy (e.g. everyone logging in at 08:30) and the
    // request changed nothing. Come back when it says, a few times, before showing an error.
    for (let attempt = 0; attempt < 5 && response.status === 503 && response.headers.get('Retry-After'); attempt++) {
      const seconds = Math.min(30, Math.max(1, Number(response.headers.get('Retry-After')) || 1));
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 * (0.8 + 0.4 * Math.random())));
      response = await fetch('/api/v1' + path, options);
    }
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const message = (data && data.reason) || response.statusText;
      if (response.status === 401 && path !== '/auth/login' && window.waihu) window.waihu.showLogin();
      throw new ApiError(response.status, message);
    }
    return data;
  }

  window.api = {
    ApiError,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body || {}),
    patch: (path, body) => request('PATCH', path, body),
    del: (path) => request('DELETE', path),
  };

  // Small DOM helper: el('td', {class: 'x'}, 'text', child…)
  window.el = function (tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };
})();
