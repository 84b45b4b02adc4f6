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
      // campaigns, agent desk, wallboard controls, lead calls (issue 8)
      'nav.campaigns': '外呼任务', 'nav.desktop': '座席工作台',
      'recording.play': '播放录音', 'recording.failed': '无法播放录音：{message}',
      'shortage.window_closed': '不在呼叫时段', 'shortage.waiting_for_retry': '等待重拨时间', 'shortage.daily_limit': '今日拨打次数已满',
      'shortage.attempt_limit': '拨打次数已满', 'shortage.renewal_too_far': '距续保日过远', 'shortage.dnc': '禁呼名单', 'shortage.invalid_number': '空号/无效号码',
      'campaigns.title': '外呼任务', 'campaigns.create': '新建外呼任务', 'campaigns.none': '还没有外呼任务', 'campaigns.saved': '已保存', 'campaigns.created': '外呼任务已创建',
      'campaigns.refused': '无法执行：{reason}', 'campaigns.name': '任务名称', 'campaigns.modeTitle': '外呼方式', 'campaigns.statusTitle': '状态',
      'campaigns.progress': '进度', 'campaigns.shortage': '无可拨名单原因', 'campaigns.actions': '操作',
      'campaigns.progressLine': '共 {total} · 待拨 {waiting} · 拨号中 {dialing} · 后处理 {wrap_up} · 已完成 {done}',
      'campaigns.todayLine': '今日拨打 {dialed} · 接通 {answered}', 'campaigns.abandon': '呼损率',
      'campaigns.survey': '外呼问卷完成进度', 'campaigns.surveyTarget': '问卷目标数', 'campaigns.surveyTargetHint': '留空为营销项目',
      'campaigns.surveyLine': '问卷完成 {completed} / {target}（{percent}）',
      'campaigns.command.start': '启动', 'campaigns.command.pause': '暂停', 'campaigns.command.resume': '继续', 'campaigns.command.stop': '停止',
      'campaigns.done.start': '已启动', 'campaigns.done.pause': '已暂停', 'campaigns.done.resume': '已继续', 'campaigns.done.stop': '已停止',
      'campaigns.batches': '名单批次', 'campaigns.teams': '班组', 'campaigns.trunk': '线路', 'campaigns.defaultTrunk': '（默认线路）', 'campaigns.callerID': '主叫号码',
      'campaigns.opens': '呼叫时段开始（时:分）', 'campaigns.closes': '呼叫时段结束（时:分）', 'campaigns.window': '呼叫时段',
      'campaigns.maxPerLead': '每条名单最多拨打次数', 'campaigns.maxPerDay': '每天最多拨打次数', 'campaigns.abandonCap': '呼损率上限（%）',
      'campaigns.wrapUp': '后处理时长（秒）', 'campaigns.transferDigits': '转座席按键', 'campaigns.prompt': '广告录音（WAV）',
      'campaigns.script': '话术', 'campaigns.scriptHint': '您好，请问是{name}吗？我是{agent}，您的{car_model}（{plate}）车险将于{renewal_date}到期……',
      'campaigns.dispositions': '小结选项', 'campaigns.code': '代码', 'campaigns.label': '名称', 'campaigns.category': '类别', 'campaigns.remove': '删除',
      'campaigns.addDisposition': '添加小结', 'campaigns.defaultDispositions': '恢复默认小结', 'campaigns.refusalDNC': '客户拒绝时加入禁呼名单',
      'campaigns.needDispositions': '座席外呼任务至少需要一个小结选项', 'campaigns.noneToPick': '（无）', 'campaigns.namesHint': '多个用逗号分隔',
      'campaigns.promptSaved': '录音已上传', 'campaigns.promptSeconds': '已上传，{seconds} 秒', 'campaigns.noPrompt': '未上传',
      'campaigns.uploadPrompt': '上传广告录音（WAV，8kHz 单声道）', 'campaigns.upload': '上传',
      'campaigns.leads': '名单明细', 'campaigns.noLeads': '没有符合条件的客户', 'campaigns.leadsPage': '第 {page}/{pages} 页，共 {total} 条',
      'campaigns.batch': '批次', 'campaigns.leadStateTitle': '状态', 'campaigns.attempts': '已拨次数', 'campaigns.attemptsToday': '今日次数',
      'campaigns.nextDial': '下次拨打', 'campaigns.doneReasonTitle': '完成原因', 'campaigns.lastOutcomeTitle': '最近结果', 'campaigns.callback': '预约回访',
      'campaigns.leadState.waiting': '待拨', 'campaigns.leadState.dialing': '呼叫中', 'campaigns.leadState.wrap_up': '待小结', 'campaigns.leadState.done': '已完成',
      'campaigns.doneReason.settled': '已结案', 'campaigns.doneReason.dnc': '禁呼名单', 'campaigns.doneReason.invalid_number': '空号/无效号码', 'campaigns.doneReason.attempt_limit': '拨打次数已满',
      'campaigns.calls': '最近通话', 'campaigns.noCalls': '还没有通话', 'campaigns.callAt': '时间', 'campaigns.lead': '客户', 'campaigns.phone': '电话',
      'campaigns.outcome': '结果', 'campaigns.agent': '座席', 'campaigns.disposition': '小结', 'campaigns.listened': '收听时长', 'campaigns.talk': '通话时长',
      'campaigns.digits': '按键', 'campaigns.recording': '录音', 'campaigns.abandoned': '（呼损）',
      'campaigns.listeners': '收听排行', 'campaigns.noListeners': '没有达到时长的客户', 'campaigns.minSeconds': '最短收听（秒）',
      'campaigns.makeCallback': '生成座席回拨任务', 'campaigns.callbackName': '回拨任务名称：', 'campaigns.callbackMade': '已创建回拨任务 {name}（{count} 条）',
      'desk.title': '座席签入', 'desk.campaign': '外呼任务', 'desk.extension': '分机号', 'desk.login': '签入', 'desk.logout': '签出', 'desk.ready': '就绪', 'desk.notReady': '示忙',
      'desk.refused': '无法执行：{reason}', 'desk.reconnecting': '连接中断，正在重连…', 'desk.unregistered': '话机未注册',
      'desk.previewNext': '下一条', 'desk.previewDial': '拨打', 'desk.previewSkip': '跳过', 'desk.previewing': '预览中，点击“拨打”呼叫客户',
      'desk.dialing': '呼叫中…', 'desk.talking': '通话中（{since} 接通）', 'desk.ended': '通话已结束（{at}），请填写小结',
      'desk.editLead': '修改客户资料', 'desk.script': '话术', 'desk.noScript': '（本任务没有话术）', 'desk.history': '历史联系记录', 'desk.noHistory': '第一次联系',
      'desk.at': '时间', 'desk.outcome': '结果', 'desk.agent': '座席', 'desk.disposition': '小结', 'desk.note': '备注', 'desk.pick': '请选择',
      'desk.callbackAt': '预约回拨时间', 'desk.callbackPersonal': '由我回拨', 'desk.callbackCampaign': '任务内任何座席', 'desk.save': '保存小结',
      'desk.pickFirst': '请先选择小结', 'desk.saved': '小结已保存', 'desk.pending': '待小结的通话',
      'wallboard.liveAgents': '座席实时状态', 'wallboard.agent': '座席', 'wallboard.team': '班组', 'wallboard.state': '状态', 'wallboard.inState': '持续时间',
      'wallboard.campaign': '外呼任务', 'wallboard.extension': '分机', 'wallboard.campaigns': '外呼任务', 'wallboard.status': '状态', 'wallboard.dialed': '今日拨打',
      'wallboard.answered': '今日接通', 'wallboard.abandonVsCap': '呼损率 / 上限', 'wallboard.leadsLeft': '剩余名单', 'wallboard.shortage': '无可拨名单原因',
      'wallboard.forceNotReady': '强制示忙', 'wallboard.forceLogout': '强制签出', 'wallboard.noAgents': '没有签入的座席', 'wallboard.noCampaigns': '没有进行中的外呼任务',
      'leads.calls': '通话记录', 'leads.calls.at': '时间', 'leads.calls.outcome': '结果', 'leads.calls.agent': '座席',
      'leads.calls.disposition': '小结', 'leads.calls.note': '备注', 'leads.calls.talk': '时长', 'leads.calls.recording': '录音', 'leads.calls.none': '还没有通话',
      'leads.calls.digits': '按键', 'leads.field.disposition': '小结', 'leads.calls.dispositions': '小结记录', 'campaigns.wantedAgent': '（要求转座席）', 'desk.afterCall': '本通话后示忙：{reason}',
    },
    en: {
      brand: 'waihu', logout: 'Log out', switchTo: '中文',
      'login.title': 'Log in', 'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Log in',
      'login.failed': 'Wrong username or password, or the account is disabled', 'login.throttled': 'Too many failed logins; try again later',
      'nav.home': 'Home', 'nav.users': 'Users', 'nav.teams': 'Teams', 'nav.audit': 'Audit log',
      'home.welcome': 'Welcome, {name}', 'home.role': 'Your role: {role}', 'home.nothing': 'Your role has no features yet.',
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
      // campaigns, agent desk, wallboard controls, lead calls (issue 8)
      'nav.campaigns': 'Campaigns', 'nav.desktop': 'Agent desk',
      'recording.play': 'Play', 'recording.failed': 'Cannot play the recording: {message}',
      'shortage.window_closed': 'Outside the calling window', 'shortage.waiting_for_retry': 'Waiting for the retry time', 'shortage.daily_limit': 'Daily attempts used',
      'shortage.attempt_limit': 'Attempt limit reached', 'shortage.renewal_too_far': 'Renewal too far away', 'shortage.dnc': 'Do not call', 'shortage.invalid_number': 'Invalid number',
      'campaigns.title': 'Campaigns', 'campaigns.create': 'New campaign', 'campaigns.none': 'No campaigns yet', 'campaigns.saved': 'Saved', 'campaigns.created': 'Campaign created',
      'campaigns.refused': 'Refused: {reason}', 'campaigns.name': 'Name', 'campaigns.modeTitle': 'Mode', 'campaigns.statusTitle': 'Status',
      'campaigns.progress': 'Progress', 'campaigns.shortage': 'Why nothing is dialable', 'campaigns.actions': 'Actions',
      'campaigns.progressLine': '{total} leads · {waiting} waiting · {dialing} dialing · {wrap_up} wrap-up · {done} done',
      'campaigns.todayLine': 'today {dialed} dialed · {answered} answered', 'campaigns.abandon': 'Abandon rate',
      'campaigns.survey': 'Survey progress', 'campaigns.surveyTarget': 'Questionnaire target', 'campaigns.surveyTargetHint': 'empty: a sales project',
      'campaigns.surveyLine': 'questionnaires completed {completed} / {target} ({percent})',
      'campaigns.command.start': 'Start', 'campaigns.command.pause': 'Pause', 'campaigns.command.resume': 'Resume', 'campaigns.command.stop': 'Stop',
      'campaigns.done.start': 'Started', 'campaigns.done.pause': 'Paused', 'campaigns.done.resume': 'Resumed', 'campaigns.done.stop': 'Stopped',
      'campaigns.batches': 'Lead batches', 'campaigns.teams': 'Teams', 'campaigns.trunk': 'Trunk', 'campaigns.defaultTrunk': '(default trunk)', 'campaigns.callerID': 'Caller ID',
      'campaigns.opens': 'Calling opens (HH:MM)', 'campaigns.closes': 'Calling closes (HH:MM)', 'campaigns.window': 'Calling window',
      'campaigns.maxPerLead': 'Attempts per lead', 'campaigns.maxPerDay': 'Attempts per day', 'campaigns.abandonCap': 'Abandon cap (%)',
      'campaigns.wrapUp': 'Wrap-up (seconds)', 'campaigns.transferDigits': 'Transfer keys', 'campaigns.prompt': 'Prompt (WAV)',
      'campaigns.script': 'Script', 'campaigns.scriptHint': 'Hello, is that {name}? This is {agent}; the insurance of your {car_model} ({plate}) ends on {renewal_date}…',
      'campaigns.dispositions': 'Dispositions', 'campaigns.code': 'Code', 'campaigns.label': 'Label', 'campaigns.category': 'Category', 'campaigns.remove': 'Remove',
      'campaigns.addDisposition': 'Add disposition', 'campaigns.defaultDispositions': 'Default dispositions', 'campaigns.refusalDNC': 'A refusal puts the number on the do-not-call list',
      'campaigns.needDispositions': 'An agent campaign needs at least one disposition', 'campaigns.noneToPick': '(none)', 'campaigns.namesHint': 'comma-separated',
      'campaigns.promptSaved': 'Prompt uploaded', 'campaigns.promptSeconds': 'uploaded, {seconds} s', 'campaigns.noPrompt': 'none',
      'campaigns.uploadPrompt': 'Upload the prompt (WAV, 8 kHz mono)', 'campaigns.upload': 'Upload',
      'campaigns.leads': 'Leads', 'campaigns.noLeads': 'No lead matches', 'campaigns.leadsPage': 'Page {page} of {pages}, {total} leads',
      'campaigns.batch': 'Batch', 'campaigns.leadStateTitle': 'State', 'campaigns.attempts': 'Attempts', 'campaigns.attemptsToday': 'Today',
      'campaigns.nextDial': 'Next dial', 'campaigns.doneReasonTitle': 'Why done', 'campaigns.lastOutcomeTitle': 'Last outcome', 'campaigns.callback': 'Callback',
      'campaigns.leadState.waiting': 'Waiting', 'campaigns.leadState.dialing': 'Dialing', 'campaigns.leadState.wrap_up': 'Awaiting disposition', 'campaigns.leadState.done': 'Done',
      'campaigns.doneReason.settled': 'Settled', 'campaigns.doneReason.dnc': 'Do not call', 'campaigns.doneReason.invalid_number': 'Invalid number', 'campaigns.doneReason.attempt_limit': 'Attempt limit reached',
      'campaigns.calls': 'Latest calls', 'campaigns.noCalls': 'No calls yet', 'campaigns.callAt': 'When', 'campaigns.lead': 'Lead', 'campaigns.phone': 'Phone',
      'campaigns.outcome': 'Outcome', 'campaigns.agent': 'Agent', 'campaigns.disposition': 'Disposition', 'campaigns.listened': 'Listened', 'campaigns.talk': 'Talk',
      'campaigns.digits': 'Keys', 'campaigns.recording': 'Recording', 'campaigns.abandoned': '(abandoned)',
      'campaigns.listeners': 'Listeners ranking', 'campaigns.noListeners': 'Nobody listened that long', 'campaigns.minSeconds': 'Listened at least (s)',
      'campaigns.makeCallback': 'Make a callback campaign', 'campaigns.callbackName': 'Callback campaign name:', 'campaigns.callbackMade': 'Callback campaign {name} created ({count} leads)',
      'desk.title': 'Log in to a campaign', 'desk.campaign': 'Campaign', 'desk.extension': 'Extension', 'desk.login': 'Log in', 'desk.logout': 'Log out', 'desk.ready': 'Ready', 'desk.notReady': 'Not ready',
      'desk.refused': 'Refused: {reason}', 'desk.reconnecting': 'Connection lost, reconnecting…', 'desk.unregistered': 'phone not registered',
      'desk.previewNext': 'Next', 'desk.previewDial': 'Dial', 'desk.previewSkip': 'Skip', 'desk.previewing': 'Preview: press Dial to call the customer',
      'desk.dialing': 'Calling…', 'desk.talking': 'On the call (answered {since})', 'desk.ended': 'The call ended ({at}); save a disposition',
      'desk.editLead': 'Edit the lead', 'desk.script': 'Script', 'desk.noScript': '(this campaign has no script)', 'desk.history': 'Previous contacts', 'desk.noHistory': 'First contact',
      'desk.at': 'When', 'desk.outcome': 'Outcome', 'desk.agent': 'Agent', 'desk.disposition': 'Disposition', 'desk.note': 'Note', 'desk.pick': 'Choose',
      'desk.callbackAt': 'Call back at', 'desk.callbackPersonal': 'I call back', 'desk.callbackCampaign': 'Any agent of the campaign', 'desk.save': 'Save disposition',
      'desk.pickFirst': 'Choose a disposition first', 'desk.saved': 'Disposition saved', 'desk.pending': 'Calls waiting for a disposition',
      'wallboard.liveAgents': 'Agents now', 'wallboard.agent': 'Agent', 'wallboard.team': 'Team', 'wallboard.state': 'State', 'wallboard.inState': 'In state',
      'wallboard.campaign': 'Campaign', 'wallboard.extension': 'Extension', 'wallboard.campaigns': 'Campaigns', 'wallboard.status': 'Status', 'wallboard.dialed': 'Dialed today',
      'wallboard.answered': 'Answered today', 'wallboard.abandonVsCap': 'Abandon rate / cap', 'wallboard.leadsLeft': 'Leads left', 'wallboard.shortage': 'Why nothing is dialable',
      'wallboard.forceNotReady': 'Force not ready', 'wallboard.forceLogout': 'Force log out', 'wallboard.noAgents': 'No agent logged in', 'wallboard.noCampaigns': 'No running campaign',
      'leads.calls': 'Calls', 'leads.calls.at': 'When', 'leads.calls.outcome': 'Outcome', 'leads.calls.agent': 'Agent',
      'leads.calls.disposition': 'Disposition', 'leads.calls.note': 'Note', 'leads.calls.talk': 'Duration', 'leads.calls.recording': 'Recording', 'leads.calls.none': 'No calls yet',
      'leads.calls.digits': 'Keys', 'leads.field.disposition': 'Disposition', 'leads.calls.dispositions': 'Dispositions', 'campaigns.wantedAgent': '(asked for an agent)', 'desk.afterCall': 'Not ready after this call: {reason}',
    },
  };

  let language = localStorage.getItem('waihu.lang') || 'zh-CN';

  window.t = function (key, values) {
    const text = (strings[language] && strings[language][key]) || strings['zh-CN'][key] || key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (values && name in values ? values[name] : ''));
  };

  // The server's lists of stored values (GET /api/v1/vocabulary): each value's zh-CN and
  // English name is registered under the key the pages look up (t('campaigns.mode.fixed_ratio')),
  // and the pages build their menus from vocabulary.values(list), so nothing is copied here.
  const vocabularyKeys = {
    audit_actions: 'audit.action.', dial_modes: 'campaigns.mode.', disposition_categories: 'category.',
    not_ready_reasons: 'desk.reason.', roles: 'role.', campaign_statuses: 'campaigns.status.',
    call_outcomes: 'outcome.', agent_states: 'desk.state.',
  };
  let lists = {};
  window.vocabulary = {
    async load() {
      lists = await api.get('/vocabulary');
      for (const [list, prefix] of Object.entries(vocabularyKeys)) {
        for (const term of lists[list] || []) {
          strings['zh-CN'][prefix + term.value] = term.zh;
          strings.en[prefix + term.value] = term.en;
        }
      }
    },
    values(list) { return (lists[list] || []).map((term) => term.value); },
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
