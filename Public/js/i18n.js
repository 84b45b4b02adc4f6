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
      // lead lists (issue 4)
      'nav.imports': '名单导入', 'nav.leads': '客户名单', 'nav.batches': '批次与来源', 'nav.dnc': '禁呼名单',
      'imports.title': '名单导入', 'imports.help': '支持 .xlsx 和 CSV（UTF-8 或 GBK）。第1行为表头；整个文件在一个事务中导入，出错则不导入任何数据。',
      'imports.file': '文件', 'imports.batch': '批次名称', 'imports.source': '来源', 'imports.cost': '单价（元/条）', 'imports.asOf': '计算续保日的基准日',
      'imports.encoding': '编码', 'imports.auto': '自动识别', 'imports.sheet': '工作表（默认第一个）', 'imports.teams': '分配给班组', 'imports.teamsHint': '一组,二组',
      'imports.maps': '列映射（每行 表头=字段）', 'imports.start': '开始导入', 'imports.result': '导入结果', 'imports.progress': '已读取 {rows} 行（{percent}%）',
      'imports.done': '批次 {batch} 导入完成', 'imports.failed': '导入失败，未导入任何数据：{message}', 'imports.rejects': '下载未导入的 {count} 行（CSV）', 'imports.noRejects': '所有行均已导入。',
      'imports.count.rows': '总行数', 'imports.count.imported': '已导入', 'imports.count.invalid_phone': '号码无效', 'imports.count.duplicate': '重复', 'imports.count.dnc': '禁呼',
      'leads.title': '客户名单', 'leads.search': '搜索', 'leads.searchHint': '电话、姓名或车牌', 'leads.total': '共 {count} 条', 'leads.open': '查看',
      'leads.history': '修改记录', 'leads.at': '时间', 'leads.who': '修改人', 'leads.what': '字段', 'leads.old': '原值', 'leads.new': '新值', 'leads.ext': '分机 {ext}',
      'leads.exportXlsx': '导出 Excel', 'leads.exportCsv': '导出 CSV',
      'leads.field.name': '姓名', 'leads.field.phone': '电话', 'leads.field.plate': '车牌号码', 'leads.field.car_model': '厂牌车型', 'leads.field.vin': '车架号',
      'leads.field.engine_number': '发动机号', 'leads.field.renewal_date': '续保日', 'leads.field.expiry_date': '保险到期日', 'leads.field.status': '状态', 'leads.field.batch': '批次', 'leads.field.extension': '分机',
      'leads.status.new': '新名单', 'leads.status.contacted': '已联系', 'leads.status.success': '成交', 'leads.status.refused': '拒绝', 'leads.status.invalid': '无效', 'leads.status.closed': '已关闭',
      'batches.title': '批次', 'batches.sources': '来源', 'batches.source': '来源', 'batches.batch': '批次', 'batches.price': '单价', 'batches.batches': '批次数',
      'batches.rows': '行数', 'batches.leads': '名单数', 'batches.cost': '成本', 'batches.invalidRate': '无效率', 'batches.duplicateRate': '重复率', 'batches.dnc': '禁呼',
      'batches.contactRate': '接通率', 'batches.successRate': '成功率', 'batches.costPerSuccess': '单笔成交成本', 'batches.importedAt': '导入时间', 'batches.teams': '班组',
      'batches.note': '接通率、成功率和单笔成交成本在有通话数据后显示。',
      'dnc.title': '禁呼名单', 'dnc.help': '名单中的号码不会被导入，也不会被拨打。客户拒绝默认禁呼6个月。', 'dnc.number': '号码', 'dnc.reason': '原因', 'dnc.until': '截止日期',
      'dnc.add': '加入禁呼', 'dnc.remove': '移除', 'dnc.import': '批量导入（每行一个号码）', 'dnc.forever': '永久', 'dnc.addedBy': '添加人', 'dnc.total': '共 {count} 个号码',
      'dnc.imported': '新增 {added}，更新 {updated}，无效 {invalid}',
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
      // lead lists (issue 4)
      'nav.imports': 'Import lists', 'nav.leads': 'Leads', 'nav.batches': 'Batches & sources', 'nav.dnc': 'Do not call',
      'imports.title': 'Import a lead list', 'imports.help': '.xlsx or CSV (UTF-8 or GBK). Row 1 holds the headers; the whole file is one transaction: on an error nothing is imported.',
      'imports.file': 'File', 'imports.batch': 'Batch name', 'imports.source': 'Source', 'imports.cost': 'Price (yuan per lead)', 'imports.asOf': 'Renewal dates as of',
      'imports.encoding': 'Encoding', 'imports.auto': 'Detect', 'imports.sheet': 'Sheet (default: first)', 'imports.teams': 'Assign to teams', 'imports.teamsHint': 'team A,team B',
      'imports.maps': 'Column mappings (HEADER=field, one a line)', 'imports.start': 'Import', 'imports.result': 'Result', 'imports.progress': '{rows} rows read ({percent}%)',
      'imports.done': 'Batch {batch} imported', 'imports.failed': 'Import failed, nothing was imported: {message}', 'imports.rejects': 'Download the {count} rows not imported (CSV)', 'imports.noRejects': 'Every row was imported.',
      'imports.count.rows': 'Rows', 'imports.count.imported': 'Imported', 'imports.count.invalid_phone': 'Invalid phone', 'imports.count.duplicate': 'Duplicate', 'imports.count.dnc': 'Do not call',
      'leads.title': 'Leads', 'leads.search': 'Search', 'leads.searchHint': 'Phone, name or plate', 'leads.total': '{count} leads', 'leads.open': 'Open',
      'leads.history': 'History', 'leads.at': 'When', 'leads.who': 'Who', 'leads.what': 'Field', 'leads.old': 'Old', 'leads.new': 'New', 'leads.ext': 'ext. {ext}',
      'leads.exportXlsx': 'Export Excel', 'leads.exportCsv': 'Export CSV',
      'leads.field.name': 'Name', 'leads.field.phone': 'Phone', 'leads.field.plate': 'Plate', 'leads.field.car_model': 'Car model', 'leads.field.vin': 'VIN',
      'leads.field.engine_number': 'Engine no.', 'leads.field.renewal_date': 'Renewal date', 'leads.field.expiry_date': 'Expiry date', 'leads.field.status': 'Status', 'leads.field.batch': 'Batch', 'leads.field.extension': 'Extension',
      'leads.status.new': 'New', 'leads.status.contacted': 'Contacted', 'leads.status.success': 'Success', 'leads.status.refused': 'Refused', 'leads.status.invalid': 'Invalid', 'leads.status.closed': 'Closed',
      'batches.title': 'Batches', 'batches.sources': 'Sources', 'batches.source': 'Source', 'batches.batch': 'Batch', 'batches.price': 'Price', 'batches.batches': 'Batches',
      'batches.rows': 'Rows', 'batches.leads': 'Leads', 'batches.cost': 'Cost', 'batches.invalidRate': 'Invalid', 'batches.duplicateRate': 'Duplicate', 'batches.dnc': 'DNC',
      'batches.contactRate': 'Contact rate', 'batches.successRate': 'Success rate', 'batches.costPerSuccess': 'Cost per success', 'batches.importedAt': 'Imported', 'batches.teams': 'Teams',
      'batches.note': 'Contact rate, success rate and cost per success appear once calls are made.',
      'dnc.title': 'Do-not-call list', 'dnc.help': 'Listed numbers are neither imported nor dialled. A refusal is listed for 6 months by default.', 'dnc.number': 'Number', 'dnc.reason': 'Reason', 'dnc.until': 'Until',
      'dnc.add': 'Add', 'dnc.remove': 'Remove', 'dnc.import': 'Import (one number a line)', 'dnc.forever': 'For good', 'dnc.addedBy': 'Added by', 'dnc.total': '{count} numbers',
      'dnc.imported': '{added} added, {updated} updated, {invalid} invalid',
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
