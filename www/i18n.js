// The page's words in Chinese (default) and English. Static elements name their string with
// data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label) or data-i18n-title;
// renderers call t() directly.

const STRINGS = {
  zh: {
    app_title: '指标 · 扶贫报告指标提取',
    app_tagline: '在浏览器里读取脱贫攻坚报告，提取主要指标及其原文依据。文件不离开本机。',
    lang_switch: 'English',
    lang_switch_label: 'Switch to English',
    offline_ready: '已可离线使用',
    offline_single: '单文件离线版',
    import_heading: '导入报告',
    paste_label: '粘贴报告文本',
    paste_placeholder: '把报告全文粘贴到这里……',
    analyze_paste: '分析文本',
    pick_files: '选择文件',
    drop_hint: '或把 .txt / .html 文件拖到这里（可多选，任意编码）',
    drop_now: '松开鼠标即可导入',
    load_samples: '载入示例报告',
    reading: '正在读取 {done} / {total}',
    read_done: '已读取 {total} 份报告',
    pasted_name: '粘贴的文本 {n}',
    list_heading: '报告列表',
    list_empty: '还没有报告。粘贴文本、选择文件或载入示例报告。',
    clear_all: '全部清除',
    col_file: '文件',
    col_region: '地区',
    col_figures: '指标',
    col_warnings: '警告',
    remove: '移除',
    remove_label: '移除 {name}',
    pending: '读取中……',
    region_unknown: '未识别地区',
    tab_report: '报告详情',
    tab_compare: '对比表',
    tab_charts: '图表',
    report_none: '在左侧列表中选择一份报告。',
    report_error: '无法读取此文件：{message}',
    encoding: '编码',
    format: '格式',
    indicators_heading: '主要指标',
    indicators_none: '没有找到主要指标。',
    th_label_zh: '指标',
    th_value: '数值',
    th_qualifier: '限定',
    th_evidence: '原文依据',
    show_in_text: '在原文中显示 {text}',
    text_heading: '报告原文',
    text_hint: '点击表中的数值，即可在原文中看到其位置；同一指标的其他候选值及其落选原因显示在下方。',
    candidates_heading: '“{label}”的其他候选值',
    candidates_none: '没有其他候选值。',
    candidate_lost: '未采用',
    warnings_heading: '数据质量警告',
    warnings_none: '没有警告。',
    compare_heading: '报告对比',
    compare_empty: '读取报告后，这里会按报告列出各项指标。',
    compare_report: '报告',
    sort_by: '按“{label}”排序',
    export_csv: '下载 CSV',
    export_json: '下载 JSON',
    charts_empty: '读取报告后，这里会画出对比图。',
    chart_indicator: '指标',
    chart_bar_title: '{label}',
    chart_bar_subtitle: '单位：{unit} · {count} 份报告',
    chart_incidence_title: '贫困发生率：起始 → 最新',
    chart_incidence_before: '起始',
    chart_incidence_after: '最新',
    chart_per_title: '每万人{label}',
    chart_per_subtitle: '按报告中的总人口计算 · {count} 份报告有总人口',
    chart_per_indicator: '每万人指标',
    chart_no_data: '没有报告给出这项数据',
    download_svg: '下载 SVG',
    download_png: '下载 PNG',
    chart_failed: '图表无法绘制：{message}',
    engine_failed: '分析引擎无法启动：{message}',
    error_empty: '文件是空的',
    error_binary: '这不是文本报告',
    error_too_large: '文件太大（上限 {limit} MB）',
    error_no_chinese: '文本中没有中文',
    error_crash: '分析时出错',
    error_read: '无法读取文件',
    warning_kind_missing_number: '缺失数字',
    warning_kind_corrupt_text: '乱码',
    warning_kind_censored_text: '屏蔽字符',
    warning_kind_duplicate_paragraph: '重复段落',
    warning_kind_conflicting_values: '数值冲突',
    footer: '全部计算在本机浏览器中完成，不联网、不上传。',
  },
  en: {
    app_title: 'zhibiao · poverty-alleviation report indicators',
    app_tagline: 'Reads Chinese poverty-alleviation reports in your browser and extracts their headline figures with evidence. Files never leave this computer.',
    lang_switch: '中文',
    lang_switch_label: '切换到中文',
    offline_ready: 'Ready to work offline',
    offline_single: 'Single-file offline build',
    import_heading: 'Add reports',
    paste_label: 'Paste report text',
    paste_placeholder: 'Paste the full text of a report here…',
    analyze_paste: 'Analyse text',
    pick_files: 'Choose files',
    drop_hint: 'or drop .txt / .html files here (several at once, any encoding)',
    drop_now: 'Release to add the files',
    load_samples: 'Load sample reports',
    reading: 'Reading {done} / {total}',
    read_done: 'Finished reading ({total})',
    pasted_name: 'Pasted text {n}',
    list_heading: 'Reports',
    list_empty: 'No reports yet. Paste text, choose files or load the sample reports.',
    clear_all: 'Clear all',
    col_file: 'File',
    col_region: 'Region',
    col_figures: 'Figures',
    col_warnings: 'Warnings',
    remove: 'Remove',
    remove_label: 'Remove {name}',
    pending: 'Reading…',
    region_unknown: 'Region not found',
    tab_report: 'Report',
    tab_compare: 'Compare',
    tab_charts: 'Charts',
    report_none: 'Choose a report in the list.',
    report_error: 'This file could not be read: {message}',
    encoding: 'Encoding',
    format: 'Format',
    indicators_heading: 'Headline indicators',
    indicators_none: 'No headline indicator found.',
    th_label_zh: '指标',
    th_value: 'Value',
    th_qualifier: 'Qualifier',
    th_evidence: 'Evidence',
    show_in_text: 'Show {text} in the text',
    text_heading: 'Report text',
    text_hint: 'Click a value in the table to see where it stands in the text; the other candidates for the same indicator, and why they lost, are listed below.',
    candidates_heading: 'Other candidates for “{label}”',
    candidates_none: 'No other candidates.',
    candidate_lost: 'not chosen',
    warnings_heading: 'Data-quality warnings',
    warnings_none: 'No warnings.',
    compare_heading: 'Compare reports',
    compare_empty: 'Once reports are read, their indicators are compared here.',
    compare_report: 'Report',
    sort_by: 'Sort by “{label}”',
    export_csv: 'Download CSV',
    export_json: 'Download JSON',
    charts_empty: 'Once reports are read, comparison charts are drawn here.',
    chart_indicator: 'Indicator',
    chart_bar_title: '{label}',
    chart_bar_subtitle: 'Unit: {unit} · {count} reports',
    chart_incidence_title: 'Poverty incidence: start → latest',
    chart_incidence_before: 'start',
    chart_incidence_after: 'latest',
    chart_per_title: '{label} per 10,000 people',
    chart_per_subtitle: 'Using the total population each report states · {count} reports state it',
    chart_per_indicator: 'Per 10,000 people',
    chart_no_data: 'No report states this',
    download_svg: 'Download SVG',
    download_png: 'Download PNG',
    chart_failed: 'The chart could not be drawn: {message}',
    engine_failed: 'The analysis engine could not start: {message}',
    error_empty: 'the file is empty',
    error_binary: 'this is not a text report',
    error_too_large: 'the file is too large (limit {limit} MB)',
    error_no_chinese: 'the text contains no Chinese',
    error_crash: 'the analysis failed',
    error_read: 'the file could not be read',
    warning_kind_missing_number: 'Missing number',
    warning_kind_corrupt_text: 'Corrupt text',
    warning_kind_censored_text: 'Censored text',
    warning_kind_duplicate_paragraph: 'Duplicate paragraph',
    warning_kind_conflicting_values: 'Conflicting values',
    footer: 'Everything runs in this browser: nothing is uploaded, no network is used.',
  },
};

let current = 'zh';

export function lang() {
  return current;
}

/** The string `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const template = STRINGS[current][key] ?? STRINGS.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** True when `key` has a string (used for optional keys such as warning kinds). */
export function has(key) {
  return key in STRINGS[current];
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'zh';
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app_title');
  translateStatic(document);
}

/** Fills every element marked with data-i18n* under `root`. */
export function translateStatic(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  for (const node of root.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  }
}
