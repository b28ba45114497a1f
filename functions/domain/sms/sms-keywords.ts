// The words of the inbound SMS grammar (DESIGN §6) other than skills, places and numbers.
// All spellings are in the parser's folded form: ASCII upper case, half-width.

export type SimpleIntent = 'accept' | 'decline' | 'status' | 'optOut' | 'optIn' | 'forget' | 'confirmForget' | 'help';

/** A whole message (folded, trimmed) that is one of these is that intent. */
export const INTENT_WORDS: ReadonlyMap<string, SimpleIntent> = new Map<string, SimpleIntent>([
  ...(['1', '接受', '同意', '是', '是的', 'Y', 'YES', '好', '好的', '去', '我去', 'OK', '可以', '愿意', '行', '接受工作'] as const).map(
    (w): [string, SimpleIntent] => [w, 'accept'],
  ),
  ...(['2', '0', '拒绝', '不去', '否', 'N', 'NO', '不要', '不同意', '不接受', '不愿意', '不行', '不去了', '算了'] as const).map(
    (w): [string, SimpleIntent] => [w, 'decline'],
  ),
  ...(['查询', 'CX', '状态', '进度', '查', '查进度', '查询进度', '查状态', '查询状态'] as const).map(
    (w): [string, SimpleIntent] => [w, 'status'],
  ),
  ...(['退订', 'TD', 'STOP', 'T', '取消订阅', 'UNSUBSCRIBE'] as const).map((w): [string, SimpleIntent] => [w, 'optOut']),
  ...(['订阅', 'START', 'DY', '恢复订阅'] as const).map((w): [string, SimpleIntent] => [w, 'optIn']),
  ...(['帮助', '?', 'HELP', 'BZ', '求助', '菜单'] as const).map((w): [string, SimpleIntent] => [w, 'help']),
  // Erasure of one's personal data (PIPL): asked for, then confirmed in a second message.
  ...(['删除', '注销', '删除信息', '删除我的信息', '注销报名', 'SC'] as const).map((w): [string, SimpleIntent] => [w, 'forget']),
  ...(['确认删除', '确认注销', 'QRSC'] as const).map((w): [string, SimpleIntent] => [w, 'confirmForget']),
]);

/** Register keywords (at the start of a message, possibly glued to the next field). */
export const REGISTER_KEYWORDS = ['报名', '登记', 'BM', '報名', '登記'] as const;

/** Change-phone keywords, longest first. */
export const CHANGE_PHONE_KEYWORDS = ['换手机号码', '更换手机号', '换手机号', '更换号码', '换号码', '换手机', '换号', '改号'] as const;

/** Greetings and "I want to" that may come before a register keyword: 你好，我要报名 … */
export const KEYWORD_PREAMBLE = ['你好', '您好', '老师好', '领导好', '我要', '我想', '我想要', '想', '要'] as const;

/** Self-declared registered-poor household (建档立卡贫困户): never a name. */
export const POVERTY_WORDS = [
  '贫困户', '建档立卡', '建档立卡户', '建档立卡贫困户', '贫困', '建档户', '贫困家庭', '扶贫户', '精准扶贫户', '立卡户',
  '脱贫户', '脱贫人口', '监测户', '防返贫监测户', '监测对象',
] as const;

/** Form questions answered by 是 / 否 after them (是否建档立卡贫困户：否): the answer decides, not the words. */
export const POVERTY_QUESTION_WORDS = [
  '是否建档立卡贫困户', '是否建档立卡', '是否贫困户', '是否脱贫户', '是否为贫困户', '是否为建档立卡贫困户', '是否建档立卡户',
  '是否脱贫人口', '是否监测户', '是否为脱贫户', '建档立卡贫困户否', '是否贫困劳动力', '是否建档立卡贫困劳动力',
] as const;
export const YES_ANSWERS: ReadonlySet<string> = new Set(['是', '是的', '有', '属于', 'Y', '√']);
export const NO_ANSWERS: ReadonlySet<string> = new Set(['否', '不是', '无', '没有', '非', '不属于', 'N', '×']);

/** A left-over run ending in one of these is a workplace (宁波华丰公司), never a name. */
export const WORKPLACE_SUFFIXES = [
  '有限公司', '公司', '集团', '工厂', '厂', '企业', '工地', '项目部', '车间', '酒店', '饭店', '医院', '学校', '超市', '商场',
  '工业区', '工业园', '园区', '开发区', '产业园', '科技园', '小区', '鞋业', '服饰', '电子', '制衣', '实业', '科技', '物流',
] as const;

/** Cannot travel: wants work at or near home. */
export const LOCAL_WORDS = [
  '本地', '县内', '就近', '家门口', '附近', '本县', '县里', '当地', '家附近', '本乡', '镇上', '不外出', '不出去',
  '不能外出', '不出远门', '离家近', '在家附近', '本地就业', '就地', '就近就业', '家里附近',
] as const;

/**
 * Labels typed before a value (身份证：…, 月薪4500 …). They carry no value themselves. Name and
 * destination labels are listed below. Single characters that are also common in names (会, 去) are
 * not here: the parser strips them only right before a skill (会电焊) or a place (去湖州).
 */
export const LABEL_WORDS = [
  '身份证', '身份证号', '身份证号码', '证件号', '证件号码', '身份号', '身份证号是', '电话', '手机', '手机号',
  '手机号码', '电话号码', '联系电话', '联系方式', '工种', '技能', '特长', '会的', '擅长', '月薪', '工资', '期望', '期望工资', '要求', '工资要求', '薪资', '薪水', '待遇', '工钱', '收入', '每月',
  '每个月', '一个月', '日期', '时间', '出发', '出发时间', '到岗', '上岗', '到岗时间', '可以出发', '开始',
  '什么时候', '年龄', '性别', '经验', '想找', '想做', '想干', '能做', '能干', '会做', '我会', '底薪', '保底',
  '工价', '预计', '打算', '计划', '不低于', '至少', '最低', '最少', '出生', '生日', '出生日期',
  '返常时间', '返常日期', '返岗时间', '返岗日期', '返工时间', '复工时间', '预计返岗时间', '计划返岗时间', '返程时间', '返常', '返岗',
  '拟返岗时间', '返回务工地时间', '返回时间', '返回日期', '返回务工地', '月入', '月收入', '收入', '厂名', '返岗方式', '出行方式', '交通方式', '民族', '文化程度', '学历', '身体状况', '健康状况', '序号', '备注', '岗位',
  '从事工种', '务工工种', '拟从事工种', '用工需求', '证件类型', '居民身份证', '是否', '外出时间', '外出日期', '到岗日期',
] as const;

/** Labels right before a name (姓名：王立学, 我叫王立学): a name after one needs no known surname. */
export const NAME_LABEL_WORDS = ['姓名', '名字', '我叫', '我是', '叫', '名叫', '本人', '本人姓名', '真实姓名', '名字叫', '劳动力姓名', '务工人员姓名'] as const;

/** Labels that name a destination; they end a home address (家住四川 想去浙江). */
export const DESTINATION_LABEL_WORDS = [
  '想去', '想到', '意向', '意向地', '目的地', '目的地点', '务工地', '务工地点', '工作地', '工作地点', '地点', '返岗地', '返岗地点',
  '拟返岗地', '务工单位', '工作单位', '在外工作单位', '在外务工单位', '在外工作地址', '在外务工地址', '工作地址', '务工地址',
  '单位地址', '就业地', '就业地点', '返岗单位', '用工单位', '务工企业', '外出地点', '外出务工地点', '流入地', '去向', '下车',
  '企业所在地', '企业地址', '工作单位所在地', '务工所在地', '就业单位', '返岗企业', '输入地', '劳务输入地', '拟就业地区',
  '就业地区', '意向就业地区', '意向工作地', '外出务工地址', '务工省份', '务工城市', '务工去向', '在常住址', '在常居住地址',
  '常州居住地址', '单位所在地', '企业所在地区', '用工企业名称', '企业名称及地址',
  '下车点', '下车地点', '到达地', '到达地点', '准备去', '打算去', '要去', '准备到', '打算到', '想去的地方', '返回地', '返岗去向', '单位', '企业名称', '公司名称', '用工企业', '务工企业名称',
] as const;

/** Labels of the boarding place (出发地点：光山县, 上车点 乔庄汽车站): the labourer's pickup, not a destination. */
export const PICKUP_LABEL_WORDS = [
  '出发地', '出发地点', '出发点', '上车点', '上车地点', '上车站点', '上车站', '乘车点', '乘车地点', '候车点', '集合地点',
  '集合点', '始发地', '始发站', '乘车站点', '出发站',
] as const;

/** Places passed on the way (途经 郑州): ignored. */
export const VIA_LABEL_WORDS = ['途经', '途径', '经过', '中转', '转车', '经停', '途经地', '中转地'] as const;

/** Dates of leaving the workplace for home (离常时间 1月20日): past, and not when the labourer can start. */
export const LEAVE_DATE_LABEL_WORDS = [
  '离常时间', '离常日期', '离开时间', '离岗时间', '离厂时间', '返乡时间', '返乡日期', '回家时间', '回乡时间', '离开日期',
  '离岗日期', '离工作地时间', '返乡到家时间', '到家时间', '离开', '离常',
] as const;

/** After a place, these make it the boarding place (光山上车, 从光山出发). */
export const PICKUP_SUFFIX_WORDS = ['上车', '出发', '上车点', '坐车', '乘车', '发车'] as const;

/**
 * Daily and piece wages (日薪300, 一天500, 300一天): the number beside one is a day's pay, converted to a
 * month at DAYS_WORKED_PER_MONTH days.
 */
export const DAILY_WAGE_WORDS = [
  '日薪', '日工资', '一天', '每天', '天工资', '一天工资', '工资一天', '每日', '日结', '点工', '按天', '一天的', '天薪', '每天工资',
  '计件', '按件', '一天能挣', '一天挣',
] as const;
export const DAYS_WORKED_PER_MONTH = 26;

/** Home address labels: the place right after one is where the labourer lives, not a destination. */
export const HOME_LABEL_WORDS = [
  '地址', '住址', '家住', '老家', '户籍', '家庭住址', '籍贯', '户口', '现住', '住在', '来自', '家在', '我家', '户籍地', '户籍所在地',
  '户籍地址', '地址是', '现住址', '现居住地', '居住地', '居住地址', '家庭地址', '现住地', '所在村', '所在地', '村组', '所在乡镇', '乡镇', '村（社区）', '所在村组', '详细地址',
  '家庭详细住址', '户口所在地', '住所', '家乡', '出行目的地', '返乡地点', '返乡地', '回乡地点', '春节去向', '现居', '现居住',
  '家庭住址是', '常住地', '常住地址', '户籍所在村', '户籍地址', '户籍所在地址', '输出地', '劳务输出地', '流出地', '离常前往地',
  '前往地', '返乡目的地', '回乡目的地', '户口所在地址',
] as const;

/** Filler found anywhere in a message. None is a plausible given name or part of one. */
export const FILLER_WORDS = [
  '你好', '您好', '谢谢', '谢谢你', '谢谢您', '麻烦', '麻烦了', '工作', '找工作', '打工', '上班', '干活', '做工',
  '出去', '外出', '务工', '外出务工', '老板', '领导', '老师', '春风行动', '参加', '都可以', '都行', '均可', '不限',
  '随便', '以上', '左右', '以内', '块钱', '人民币', '我想', '我要', '想要', '需要', '最好', '熟练', '多年',
  '学徒', '包吃住', '包吃', '包住', '工地', '工厂', '进厂', '报名', '登记', '一下', '有经验', '没经验', '找活',
  '找个', '工作经验', '请问', '咨询', '一起', '我们', '你们', '面议', '看情况', '待定', '无所谓', '提成', '加班',
  '认真', '吃苦耐劳', '能吃苦', '身体好', '早上好', '上午好', '中午好', '下午好', '晚上好', '辛苦', '辛苦了', '多谢',
  '感谢', '没问题', '可以的', '对的', '嗯嗯', '好滴', '好吧', '行吧', '在不在', '有人吗', '怎么样', '想在', '想要在', '在家', '发车', '干嘛', '干啥', '在干嘛',
  '几点', '几号', '哪天', '多久', '等等', '稍等', '上车', '坐车', '班车', '大巴', '包车', '车票', '回家', '过年',
  '汉族', '苗族', '土家族', '彝族', '侗族', '回族', '藏族', '壮族', '布依族', '初中', '高中', '小学', '中专', '大专', '专车',
  '自驾', '火车', '高铁', '飞机', '乘坐专车', '需要乘坐', '统一乘车', '点对点', '上午', '下午', '早上', '晚上', '中午', '准备',
  '返岗登记', '返岗', '是否需要乘坐返岗专车', '是否需要乘车',
] as const;

/**
 * Filler recognised only as a whole (a token, or what is left between fields): these also occur inside
 * names (李想, 王胜男, 张元), so they are never cut out of a longer run.
 */
export const STANDALONE_FILLER_WORDS = [
  '男', '女', '好', '是', '去', '会', '元', '块', '月', '天', '年', '人', '个', '可以', '行', '明白', '收到',
  '知道', '知道了', '好的', '在吗', '什么', '怎么', '怎么办', '不知道', '不懂', '没有', '有', '多少', '多少钱',
  '哪里', '大家', '老乡', '能', '想', '要', '在', '我', '嗯', '哦', '啊', '的', '了', '吗', '呢', '吧', '呀',
  '男性', '女性', '已婚', '未婚', '身体健康', '健康', '春风', '行动', '厂', '厂里', '工人', '和', '都', '还有',
  '谢', '谢了',
] as const;

/**
 * Particles trimmed from the edges of a leftover run of characters (我想…的, 在…吗) when what remains
 * is still at least two characters, or nothing: 王立学的 → 王立学, but 李想 stays 李想.
 */
export const EDGE_PARTICLES: ReadonlySet<string> = new Set([...'我要在找的了吗呢啊吧哦嗯呀叫与及或跟还也']);

/** Characters no given name contains (particles, pronouns, question words): 好的好的 is not a name. */
export const NON_NAME_CHARS: ReadonlySet<string> = new Set([
  ...'的了吗呢啊吧哦嗯呀么什怎谁哪您你我他她它们这没不请咋啥呗喂哎唉哈嘛噢吖滴哒几啦呐噻咯喔呵嘿嗨哇',
]);

/** Surnames that are also conjunctions or prepositions: 湖州和杭州 is two places, not 和杭州. */
export const CONJUNCTION_SURNAMES: ReadonlySet<string> = new Set([...'和与及同跟向从于']);

/** Relative dates: days after today. */
export const RELATIVE_DATE_WORDS: ReadonlyMap<string, number> = new Map([
  ['今天', 0], ['今日', 0], ['明天', 1], ['明日', 1], ['后天', 2], ['大后天', 3], ['随时', 0], ['马上', 0],
  ['立即', 0], ['立刻', 0], ['现在', 0], ['随时可以', 0], ['随时都可以', 0],
]);

/** Words that may follow a date and belong to it (3月5日以后, 15号出发). */
export const DATE_SUFFIXES = [
  '以后', '之后', '后', '以前', '之前', '前', '起', '出发', '到岗', '上岗', '左右', '走', '开始', '可以', '出门', '动身', '可以走', '就走',
  '能走', '可以出发',
] as const;

/** Words that may follow a wage and belong to it (4500元, 五千块钱, 4500以上). */
export const WAGE_SUFFIXES = ['块钱', '元', '块', 'RMB', '以上', '左右', '起', '每月', '一个月', '每个月', '月', '/月'] as const;

/** Single-character surnames (百家姓 and today's common ones). A name starts with one of these or a compound one. */
export const SURNAMES: ReadonlySet<string> = new Set([
  ...'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
    '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
    '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
    '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
    '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
    '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双' +
    '闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容' +
    '向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
    '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公' +
    '覃肖付代闫岳帅母冼揭粟仝亓禤佘敬苟麦谌蹇晋练邝阳涂兰尚鄢黄凃庹喻湛奉战佟修褚单' +
    '綦钭旷税操郇逄户雒银展荣官戚卿伍粱晏隋植阿',
]);

/**
 * First characters of names without a Han surname — Tibetan (扎西, 次仁, 格桑, 卓玛), Uyghur written
 * without the middle dot (买买提, 吐尔逊), Mongolian (其其格, 额尔敦), Yi: they make a name candidate as
 * believable as a surname does.
 */
export const MINORITY_NAME_INITIALS: ReadonlySet<string> = new Set([
  ...'扎次格洛达尼拉央德多旦才仁丹曲贡桑边普嘎琼觉益顿索卓平白加嘉永旺泽措罗' +
    '买吐热努依艾阿古迪麦帕排亚伊克库图沙木玉再米塔' + '其额宝包巴特那敖斯乌哈图苏朝孟' + '吉阿沙马曲俄',
]);

/** Compound surnames: 欧阳修, 司马光. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文',
  '轩辕', '端木', '南宫', '独孤', '西门', '司空', '呼延', '万俟', '闻人', '澹台', '公冶', '太史', '申屠', '钟离',
]);
