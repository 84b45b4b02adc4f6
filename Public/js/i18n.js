// UI strings, Chinese first. Pages look texts up with t('key'); elements with
// data-i18n="key" are filled in on every language switch.
(function () {
  const strings = {
    'zh-CN': {
      brand: '外呼', logout: '退出', switchTo: 'English',
      'login.title': '登录', 'login.username': '用户名', 'login.password': '密码', 'login.submit': '登录',
      'login.failed': '用户名或密码错误，或账号已停用', 'login.throttled': '登录失败次数过多，请稍后再试',
      'nav.home': '首页', 'nav.users': '用户管理', 'nav.teams': '班组', 'nav.audit': '审计日志',
      'home.welcome': '欢迎，{name}', 'home.role': '您的角色：{role}', 'home.nothing': '您的角色目前没有可用的功能。',
      'role.admin': '系统管理员', 'role.supervisor': '班组长', 'role.agent': '座席', 'role.qa': '质检员', 'role.list_manager': '名单管理员', 'role.branch': '分公司',
      'users.title': '用户管理', 'users.add': '新增用户', 'users.username': '用户名', 'users.displayName': '姓名', 'users.role': '角色', 'users.team': '班组',
      'users.password': '初始密码', 'users.status': '状态', 'users.active': '启用', 'users.disabled': '已停用', 'users.actions': '操作',
      'users.disable': '停用', 'users.enable': '启用', 'users.resetPassword': '重置密码', 'users.newPassword': '新密码（至少8位）：', 'users.saved': '已保存', 'users.noTeam': '（无）',
      'teams.title': '班组', 'teams.add': '新增班组', 'teams.name': '班组名称', 'teams.leader': '班组长', 'teams.members': '人数', 'teams.setLeader': '设为班组长',
      'audit.title': '审计日志', 'audit.at': '时间', 'audit.actor': '操作人', 'audit.action': '操作', 'audit.target': '对象', 'audit.detail': '详情', 'audit.address': '来源地址',
      'audit.filter': '筛选操作', 'audit.all': '全部', 'audit.more': '更多',
      'common.save': '保存', 'common.create': '创建', 'common.error': '出错了：{message}',
      // 线路与分机 (telephony.js)
      'nav.telephony': '线路与分机', 'telephony.trunks': '线路', 'telephony.phones': '分机', 'telephony.addTrunk': '新增线路', 'telephony.addPhone': '新增分机',
      'telephony.name': '名称', 'telephony.host': '地址（IP）', 'telephony.port': '端口', 'telephony.address': '地址', 'telephony.username': '账号',
      'telephony.password': '密码', 'telephony.callerID': '主叫号码', 'telephony.maxConcurrent': '最大并发', 'telephony.maxCPS': '每秒呼叫数',
      'telephony.ringTimeout': '振铃超时（秒）', 'telephony.status': '状态', 'telephony.actions': '操作', 'telephony.enabled': '启用', 'telephony.disabled': '已停用',
      'telephony.enable': '启用', 'telephony.disable': '停用', 'telephony.edit': '修改', 'telephony.remove': '删除', 'telephony.setPassword': '改密码',
      'telephony.newPassword': '新密码：', 'telephony.confirmRemove': '确定删除 {name}？', 'telephony.saved': '已保存',
      'telephony.extension': '分机号', 'telephony.agent': '座席', 'telephony.registration': '注册状态', 'telephony.userAgent': '话机型号',
      'telephony.registeredFrom': '已注册：{source}，至 {until}', 'telephony.notRegistered': '未注册', 'telephony.setAgent': '指定座席',
      'telephony.agentPrompt': '座席用户名（留空则解除）：', 'telephony.testCall': '测试呼叫', 'telephony.callTo': '被叫号码', 'telephony.trunk': '线路',
      'telephony.agentPhone': '接听分机', 'telephony.record': '录音', 'telephony.calling': '呼叫中，通话结束后显示结果…',
      // reports & wallboard (issue 7)
      'nav.reports': '报表', 'nav.wallboard': '实时监控',
      'reports.title': '报表', 'reports.report': '报表', 'reports.from': '开始日期', 'reports.to': '结束日期', 'reports.groupBy': '分组',
      'reports.show': '查询', 'reports.csv': '下载 CSV', 'reports.xlsx': '下载 Excel', 'reports.empty': '该期间没有数据', 'reports.category': '类别',
      'reports.group.agent': '座席', 'reports.group.team': '班组', 'reports.group.campaign': '外呼任务', 'reports.group.batch': '名单批次',
      'reports.group.source': '名单来源', 'reports.group.hour': '时段', 'reports.group.day': '日期',
      'wallboard.title': '实时监控（今日）', 'wallboard.teams': '班组', 'wallboard.agents': '座席', 'wallboard.connecting': '连接中…',
      'wallboard.updated': '{day} 数据，更新于 {at}', 'wallboard.reconnecting': '连接中断，正在重连…',
    },
    en: {
      brand: 'waihu', logout: 'Log out', switchTo: '中文',
      'login.title': 'Log in', 'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Log in',
      'login.failed': 'Wrong username or password, or the account is disabled', 'login.throttled': 'Too many failed logins; try again later',
      'nav.home': 'Home', 'nav.users': 'Users', 'nav.teams': 'Teams', 'nav.audit': 'Audit log',
      'home.welcome': 'Welcome, {name}', 'home.role': 'Your role: {role}', 'home.nothing': 'Your role has no features yet.',
      'role.admin': 'Administrator', 'role.supervisor': 'Supervisor', 'role.agent': 'Agent', 'role.qa': 'QA', 'role.list_manager': 'List manager', 'role.branch': 'Branch office',
      'users.title': 'Users', 'users.add': 'Add user', 'users.username': 'Username', 'users.displayName': 'Name', 'users.role': 'Role', 'users.team': 'Team',
      'users.password': 'Initial password', 'users.status': 'Status', 'users.active': 'Active', 'users.disabled': 'Disabled', 'users.actions': 'Actions',
      'users.disable': 'Disable', 'users.enable': 'Enable', 'users.resetPassword': 'Reset password', 'users.newPassword': 'New password (8+ characters):', 'users.saved': 'Saved', 'users.noTeam': '(none)',
      'teams.title': 'Teams', 'teams.add': 'Add team', 'teams.name': 'Team name', 'teams.leader': 'Leader', 'teams.members': 'Members', 'teams.setLeader': 'Set leader',
      'audit.title': 'Audit log', 'audit.at': 'Time', 'audit.actor': 'Who', 'audit.action': 'Action', 'audit.target': 'Target', 'audit.detail': 'Detail', 'audit.address': 'From',
      'audit.filter': 'Action', 'audit.all': 'All', 'audit.more': 'More',
      'common.save': 'Save', 'common.create': 'Create', 'common.error': 'Error: {message}',
      // Trunks and phones (telephony.js)
      'nav.telephony': 'Trunks and phones', 'telephony.trunks': 'Trunks', 'telephony.phones': 'Phones', 'telephony.addTrunk': 'Add trunk', 'telephony.addPhone': 'Add phone',
      'telephony.name': 'Name', 'telephony.host': 'Host (IP)', 'telephony.port': 'Port', 'telephony.address': 'Address', 'telephony.username': 'Account',
      'telephony.password': 'Password', 'telephony.callerID': 'Caller ID', 'telephony.maxConcurrent': 'Max calls', 'telephony.maxCPS': 'Calls per second',
      'telephony.ringTimeout': 'Ring timeout (s)', 'telephony.status': 'Status', 'telephony.actions': 'Actions', 'telephony.enabled': 'Enabled', 'telephony.disabled': 'Disabled',
      'telephony.enable': 'Enable', 'telephony.disable': 'Disable', 'telephony.edit': 'Edit', 'telephony.remove': 'Remove', 'telephony.setPassword': 'Set password',
      'telephony.newPassword': 'New password:', 'telephony.confirmRemove': 'Remove {name}?', 'telephony.saved': 'Saved',
      'telephony.extension': 'Extension', 'telephony.agent': 'Agent', 'telephony.registration': 'Registration', 'telephony.userAgent': 'Phone model',
      'telephony.registeredFrom': 'Registered from {source} until {until}', 'telephony.notRegistered': 'Not registered', 'telephony.setAgent': 'Set agent',
      'telephony.agentPrompt': 'Agent username (empty to clear):', 'telephony.testCall': 'Test call', 'telephony.callTo': 'Number', 'telephony.trunk': 'Trunk',
      'telephony.agentPhone': 'Answering phone', 'telephony.record': 'Record', 'telephony.calling': 'Calling; the result shows when the call ends…',
      // reports & wallboard (issue 7)
      'nav.reports': 'Reports', 'nav.wallboard': 'Wallboard',
      'reports.title': 'Reports', 'reports.report': 'Report', 'reports.from': 'From', 'reports.to': 'To', 'reports.groupBy': 'Group by',
      'reports.show': 'Show', 'reports.csv': 'Download CSV', 'reports.xlsx': 'Download Excel', 'reports.empty': 'No data in this period', 'reports.category': 'Category',
      'reports.group.agent': 'Agent', 'reports.group.team': 'Team', 'reports.group.campaign': 'Campaign', 'reports.group.batch': 'List batch',
      'reports.group.source': 'List source', 'reports.group.hour': 'Hour', 'reports.group.day': 'Day',
      'wallboard.title': 'Wallboard (today)', 'wallboard.teams': 'Teams', 'wallboard.agents': 'Agents', 'wallboard.connecting': 'Connecting…',
      'wallboard.updated': 'Figures of {day}, updated {at}', 'wallboard.reconnecting': 'Connection lost, reconnecting…',
    },
  };

  let language = localStorage.getItem('waihu.lang') || 'zh-CN';

  window.t = function (key, values) {
    const text = (strings[language] && strings[language][key]) || strings['zh-CN'][key] || key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (values && name in values ? values[name] : ''));
  };

  window.i18n = {
    get language() { return language; },
    toggle() {
      language = language === 'zh-CN' ? 'en' : 'zh-CN';
      localStorage.setItem('waihu.lang', language);
      this.apply();
    },
    apply(root) {
      document.documentElement.lang = language;
      (root || document).querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
      const button = document.getElementById('lang-switch');
      if (button) button.textContent = t('switchTo');
    },
  };
})();
