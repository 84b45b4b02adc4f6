// Helpers shared by the lead-list pages: multipart upload, DELETE, numbers and rates.
window.lists = (function () {
  async function send(method, path, body) {
    const options = { method, credentials: 'same-origin' };
    if (body !== undefined) options.body = body;
    const response = await fetch('/api/v1' + path, options);
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      if (response.status === 401 && window.waihu) window.waihu.showLogin();
      throw new api.ApiError(response.status, (data && data.reason) || response.statusText);
    }
    return data;
  }
  return {
    upload: (path, formData) => send('POST', path, formData),
    remove: (path) => send('DELETE', path),
    postText: (path, text) => send('POST', path, text),
    rate: (value) => (value === null || value === undefined ? '—' : (value * 100).toFixed(1) + '%'),
    money: (value) => (value === null || value === undefined ? '—' : Number(value).toFixed(2)),
    day: (text) => (text ? String(text).slice(0, 10) : ''),
  };
})();
