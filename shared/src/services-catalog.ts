import type { FormField } from './fields';
import type { ServiceDef } from './service-def';

/**
 * The 41 convenience services (便民服务事项) handled online by the community service stations
 * (社区便民服务站) of Haizhou District. Most certificates and registrations are completed online
 * directly (网上直办); benefit applications that need a home visit, publicity or review by the street
 * or a department are not. Bump SERVICE_CATALOG_VERSION whenever a service or its form changes.
 */
export const SERVICE_CATALOG_VERSION = 1;

export { SERVICE_CATEGORIES, ServiceCategory, ServiceDef } from './service-def';

// ---------------------------------------------------------------- field builders

type Extra = Partial<Omit<FormField, 'name' | 'label' | 'type'>>;
const field =
  (type: FormField['type']) =>
  (name: string, label: string, extra: Extra = {}): FormField => ({ name, label, type, required: true, ...extra });
const text = field('text');
const textarea = field('textarea');
const number = field('number');
const date = field('date');
const idNumber = field('idNumber');
const image = field('image');
const select = (name: string, label: string, options: string[], extra: Extra = {}): FormField =>
  field('select')(name, label, { options, ...extra });
const multiselect = (name: string, label: string, options: string[], extra: Extra = {}): FormField =>
  field('multiselect')(name, label, { options, ...extra });

const personName = (name: string, label: string) => text(name, label, { maxLength: 20 });
const phone = field('phone')('phone', '联系电话', { placeholder: '手机号或固定电话' });
/** applicant name, ID number, phone: the mini-program prefills them from the profile */
const applicant = (label = '申请人'): FormField[] => [
  personName('name', `${label}姓名`),
  idNumber('idNumber', `${label}身份证号`),
  phone,
];
const address = (label = '现居住地址', name = 'address') =>
  text(name, label, { placeholder: '小区、楼栋、单元、门牌号' });
const optional = { required: false } as const;

const RELIEF_CATEGORIES = ['普通城乡居民', '学生及未成年人', '新生儿', '低保/特困人员', '重度残疾人'];
const EDUCATION = ['小学及以下', '初中', '高中/中专/技校', '大专', '本科及以上'];

// ---------------------------------------------------------------- the catalog

export const SERVICES: ServiceDef[] = [
  // 证明开具 ---------------------------------------------------------
  {
    code: 'residence-certificate',
    name: '居住证明',
    category: '证明开具',
    description:
      '为在本社区实际居住的居民出具居住证明，用于子女入学、办理居住证、社保医保等事项。网格员核实居住情况后出具。',
    materials: ['居民身份证', '户口簿或居住证', '房屋产权证明或房屋租赁合同'],
    promisedDays: 0,
    onlineDirect: true,
    hot: true,
    fields: [
      ...applicant(),
      address(),
      date('livingSince', '开始居住日期'),
      select('purpose', '证明用途', ['子女入学', '办理居住证', '社保医保业务', '工作单位要求', '其他']),
      image('houseProof', '房产证或租赁合同照片'),
    ],
  },
  {
    code: 'kinship-certificate',
    name: '亲属关系证明',
    category: '证明开具',
    description:
      '用于办理继承、保险理赔、银行业务等确需证明亲属关系的事项，社区受理并核实户籍信息后出具。户口簿已能证明亲属关系的无需开具。',
    materials: ['申请人及亲属的居民身份证', '户口簿', '结婚证、出生医学证明等能证明亲属关系的材料'],
    promisedDays: 1,
    onlineDirect: true,
    fields: [
      ...applicant(),
      personName('relativeName', '亲属姓名'),
      idNumber('relativeIdNumber', '亲属身份证号', optional),
      select('relation', '与申请人关系', [
        '配偶',
        '父母',
        '子女',
        '兄弟姐妹',
        '祖父母/外祖父母',
        '孙子女/外孙子女',
        '其他',
      ]),
      text('purpose', '证明用途', { maxLength: 50, placeholder: '如：办理继承公证' }),
      image('proofs', '亲属关系证明材料照片'),
    ],
  },
  {
    code: 'house-number-certificate',
    name: '门牌证明',
    category: '证明开具',
    description:
      '为门牌号码变更或需要证明房屋门牌地址的居民出具门牌证明，用于房产登记、户籍迁移、银行业务等。社区核实后报门牌管理部门出具。',
    materials: ['居民身份证', '房屋产权证明或购房合同', '现门牌照片'],
    promisedDays: 3,
    onlineDirect: true,
    fields: [
      ...applicant(),
      address('房屋地址', 'houseAddress'),
      text('oldAddress', '原门牌地址', { required: false, help: '门牌号码变更的请填写变更前地址' }),
      select('purpose', '证明用途', ['房产登记', '户籍迁移', '银行业务', '营业执照登记', '其他']),
      image('photos', '房产证明及门牌照片'),
    ],
  },
  {
    code: 'no-criminal-record',
    name: '无犯罪记录证明',
    category: '证明开具',
    description:
      '由公安机关出具，证明本人没有犯罪记录，用于就业、出国（境）、考试报名等。可在社区便民服务站协助网上申请，取得电子证明或到派出所领取。',
    materials: ['居民身份证', '户口簿（非本市户籍的提供居住证）', '用人单位或相关机构的证明需求说明'],
    promisedDays: 3,
    onlineDirect: true,
    fields: [
      ...applicant(),
      select('purpose', '证明用途', ['就业入职', '出国（境）', '考试报名', '资格认定', '其他']),
      select('receiveMethod', '领取方式', ['电子证明', '到派出所领取']),
      image('idPhotos', '身份证正反面照片'),
    ],
  },

  // 社会救助 ---------------------------------------------------------
  {
    code: 'minimum-living-allowance',
    name: '城乡低保申请',
    category: '社会救助',
    description:
      '共同生活的家庭成员人均收入低于当地低保标准、家庭财产符合规定的，以家庭为单位申请最低生活保障。社区受理后入户调查、公示，由街道审核确认。',
    materials: [
      '户主及家庭成员的居民身份证、户口簿',
      '家庭收入情况说明',
      '家庭经济状况核对授权书',
      '残疾人证、病历等特殊情况证明（如有）',
    ],
    promisedDays: 30,
    onlineDirect: false,
    fields: [
      ...applicant('户主'),
      number('familySize', '共同生活家庭人口', { min: 1, max: 20 }),
      number('monthlyIncome', '家庭月总收入（元）', { min: 0, max: 1_000_000 }),
      multiselect('hardships', '困难原因', ['疾病', '残疾', '失业', '年老无劳动能力', '单亲家庭', '子女就学', '其他']),
      textarea('situation', '家庭情况说明', { placeholder: '家庭成员、收入、住房和困难情况' }),
      image('proofs', '证明材料照片'),
    ],
  },
  {
    code: 'extreme-poverty-support',
    name: '特困人员供养',
    category: '社会救助',
    description:
      '无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或其无履行能力的老年人、残疾人和未成年人，可申请特困人员救助供养。可选择在家分散供养或入住供养机构集中供养。',
    materials: ['居民身份证、户口簿', '残疾人证或医院诊断证明（如有）', '法定义务人无履行能力的相关证明'],
    promisedDays: 30,
    onlineDirect: false,
    fields: [
      ...applicant(),
      select('supportMode', '供养方式', ['分散供养（在家）', '集中供养（入住供养机构）']),
      select('selfCare', '生活自理能力', ['完全自理', '部分失能', '完全失能']),
      textarea('situation', '本人情况说明'),
      image('proofs', '证明材料照片'),
    ],
  },
  {
    code: 'temporary-assistance',
    name: '临时救助',
    category: '社会救助',
    description:
      '因火灾、交通事故、突发重大疾病等意外，或生活必需支出突然增加，导致基本生活暂时严重困难的家庭或个人，可申请临时救助。情况紧急的可先行救助、后补手续。',
    materials: ['居民身份证、户口簿', '困难事由证明（如医疗费票据、事故证明）', '家庭经济状况核对授权书'],
    promisedDays: 10,
    onlineDirect: false,
    fields: [
      ...applicant(),
      select('assistanceType', '困难类型', ['急难型（突发事件、意外伤害）', '支出型（医疗、教育等支出过大）']),
      date('occurredOn', '困难发生日期'),
      number('amount', '支出或损失金额（元）', { required: false, min: 0, max: 10_000_000 }),
      textarea('situation', '困难情况说明'),
      image('proofs', '困难事由证明照片'),
    ],
  },
  {
    code: 'heating-subsidy',
    name: '取暖补贴',
    category: '社会救助',
    description:
      '阜新采暖期长，低保、特困、低保边缘等困难家庭可在采暖期前申请冬季取暖补贴。经社区核实、街道审核后发放到户。',
    materials: [
      '居民身份证、户口簿',
      '低保证、特困供养证或其他救助证件',
      '供暖费缴费凭证或供热合同',
      '本人社会保障卡或银行卡',
    ],
    promisedDays: 15,
    onlineDirect: false,
    hot: true,
    fields: [
      ...applicant(),
      select('reliefType', '救助身份', ['城乡低保', '特困供养', '低保边缘家庭', '其他困难群众']),
      select('heatingType', '取暖方式', ['集中供热', '自采暖（燃煤、电、燃气等）']),
      number('heatingArea', '取暖面积（平方米）', { min: 1, max: 500 }),
      image('proofs', '救助证件及缴费凭证照片'),
    ],
  },

  // 养老服务 ---------------------------------------------------------
  {
    code: 'old-age-allowance',
    name: '高龄津贴申领',
    category: '养老服务',
    description: '年满80周岁的本地户籍老年人可申领高龄津贴，按月发放到本人账户。子女、亲属或红色代办员可代为申请。',
    materials: ['老人的居民身份证、户口簿', '老人本人的社会保障卡或银行卡', '代办人居民身份证（代办时）'],
    promisedDays: 10,
    onlineDirect: true,
    hot: true,
    fields: [
      personName('elderName', '老人姓名'),
      idNumber('elderIdNumber', '老人身份证号'),
      phone,
      select('applicantRelation', '申请人', ['本人', '子女', '配偶', '其他亲属', '红色代办员']),
      image('cardPhoto', '社会保障卡或银行卡照片'),
    ],
  },
  {
    code: 'senior-preferential-card',
    name: '老年优待证',
    category: '养老服务',
    description: '年满60周岁的老年人可办理老年人优待证，凭证享受公园、景区、公共交通等优待服务。',
    materials: ['居民身份证', '近期一寸免冠照片（电子版）'],
    promisedDays: 3,
    onlineDirect: true,
    fields: [
      ...applicant(),
      image('photo', '一寸免冠照片', { help: '上传 1 张白底正面照片' }),
      select('receiveMethod', '领取方式', ['到社区便民服务站领取', '邮寄到家']),
    ],
  },
  {
    code: 'home-care-visit',
    name: '居家养老上门服务预约',
    category: '养老服务',
    description:
      '为居家老年人预约助洁、助浴、助医、代购等上门服务，由社区居家养老服务中心派人服务。困难、失能老人按规定享受政府购买服务。',
    materials: ['老人的居民身份证'],
    promisedDays: 3,
    onlineDirect: true,
    fields: [
      personName('elderName', '老人姓名'),
      idNumber('elderIdNumber', '老人身份证号'),
      phone,
      address('服务地址'),
      multiselect('services', '服务项目', [
        '助洁（打扫卫生）',
        '助浴',
        '助餐送餐',
        '助医（陪同就医）',
        '代购代办',
        '理发',
        '精神慰藉',
      ]),
      date('preferredDate', '期望服务日期'),
      textarea('remark', '备注', { required: false, maxLength: 200 }),
    ],
  },
  {
    code: 'elderly-meal-service',
    name: '老年助餐服务登记',
    category: '养老服务',
    description:
      '60周岁以上老年人可登记在社区长者食堂（老年助餐点）就餐或享受送餐上门服务。高龄、独居、困难老人按规定享受用餐补贴。',
    materials: ['老人的居民身份证'],
    promisedDays: 3,
    onlineDirect: true,
    fields: [
      personName('elderName', '老人姓名'),
      idNumber('elderIdNumber', '老人身份证号'),
      phone,
      multiselect('meals', '用餐时段', ['早餐', '午餐', '晚餐']),
      select('diningMode', '就餐方式', ['到助餐点就餐', '送餐上门']),
      text('dietNote', '饮食禁忌', { required: false, maxLength: 50, placeholder: '如：低盐、低糖、软食' }),
    ],
  },

  // 残疾人服务 -------------------------------------------------------
  {
    code: 'disability-card',
    name: '残疾人证办理',
    category: '残疾人服务',
    description:
      '视力、听力、言语、肢体、智力、精神等残疾的居民可申请办理第二代残疾人证。申请后到指定医院进行残疾评定，经区残联审核后发证。',
    materials: ['居民身份证、户口簿', '近期两寸免冠彩色照片', '相关病历或诊断证明'],
    promisedDays: 20,
    onlineDirect: false,
    fields: [
      ...applicant(),
      select('disabilityType', '残疾类别', [
        '视力残疾',
        '听力残疾',
        '言语残疾',
        '肢体残疾',
        '智力残疾',
        '精神残疾',
        '多重残疾',
      ]),
      text('guardianName', '监护人姓名', { required: false, maxLength: 20, help: '智力、精神残疾人或未成年人请填写' }),
      image('photo', '两寸免冠彩色照片'),
      image('medicalRecords', '病历或诊断证明照片'),
    ],
  },
  {
    code: 'disability-two-subsidies',
    name: '残疾人两项补贴',
    category: '残疾人服务',
    description:
      '困难残疾人生活补贴面向低保家庭中的残疾人，重度残疾人护理补贴面向一、二级重度残疾人。持第二代残疾人证的居民可申请，审核通过后按月发放。',
    materials: ['第二代残疾人证', '居民身份证、户口簿', '低保证（申请生活补贴时）', '本人社会保障卡或银行卡'],
    promisedDays: 20,
    onlineDirect: false,
    fields: [
      ...applicant(),
      text('disabilityCardNo', '残疾人证号', { maxLength: 20 }),
      select('disabilityLevel', '残疾等级', ['一级', '二级', '三级', '四级']),
      multiselect('subsidies', '申请补贴', ['困难残疾人生活补贴', '重度残疾人护理补贴']),
      image('proofs', '残疾人证及相关证件照片'),
    ],
  },
  {
    code: 'disability-card-renewal',
    name: '残疾人证换领',
    category: '残疾人服务',
    description: '残疾人证有效期满、损坏、遗失或信息变更的，可申请换领或补领。残疾状况无变化的无需重新评定。',
    materials: ['原残疾人证（遗失的除外）', '居民身份证', '近期两寸免冠彩色照片'],
    promisedDays: 10,
    onlineDirect: true,
    fields: [
      ...applicant(),
      select('reason', '办理原因', ['有效期满换领', '证件损坏换领', '遗失补领', '信息变更']),
      text('disabilityCardNo', '原残疾人证号', { required: false, maxLength: 20 }),
      image('photo', '两寸免冠彩色照片'),
    ],
  },
  {
    code: 'assistive-devices',
    name: '残疾人辅助器具适配',
    category: '残疾人服务',
    description: '持证残疾人可申请轮椅、助行器、助听器、盲杖等基本型辅助器具，经评估后免费或按规定补贴适配。',
    materials: ['残疾人证', '居民身份证', '医生或康复机构的适配评估意见（如有）'],
    promisedDays: 20,
    onlineDirect: false,
    fields: [
      ...applicant(),
      multiselect('devices', '申请器具', ['轮椅', '助行器', '拐杖', '助听器', '盲杖', '坐便椅', '护理床', '其他']),
      textarea('needs', '需求说明', { required: false, maxLength: 300 }),
      image('proofs', '残疾人证照片'),
    ],
  },

  // 就业创业 ---------------------------------------------------------
  {
    code: 'employment-registration',
    name: '就业失业登记',
    category: '就业创业',
    description:
      '劳动年龄内有劳动能力和就业要求、处于无业状态的居民可办理失业登记，已就业的办理就业登记。登记后可享受职业介绍、技能培训和就业扶持政策。',
    materials: ['居民身份证', '户口簿或居住证', '与原单位解除或终止劳动合同的证明（失业登记时，如有）'],
    promisedDays: 0,
    onlineDirect: true,
    hot: true,
    fields: [
      ...applicant(),
      select('registrationType', '登记类型', ['失业登记', '就业登记']),
      select('education', '文化程度', EDUCATION),
      date('lastJobEnd', '原工作终止日期', optional),
      text('jobIntention', '求职意向', { required: false, maxLength: 50 }),
    ],
  },
  {
    code: 'flexible-employment-insurance-subsidy',
    name: '灵活就业社保补贴',
    category: '就业创业',
    description:
      '已认定为就业困难人员、以灵活就业方式就业并按规定缴纳社会保险费的居民，可申请社会保险补贴。补贴期限和标准按规定执行。',
    materials: ['居民身份证', '《就业创业证》', '社会保险缴费凭证', '灵活就业情况说明'],
    promisedDays: 20,
    onlineDirect: false,
    fields: [
      ...applicant(),
      text('jobDescription', '灵活就业岗位', { maxLength: 50, placeholder: '如：个体经营、家政服务、网约车' }),
      date('startDate', '灵活就业开始日期'),
      multiselect('insurances', '已缴纳险种', ['基本养老保险', '基本医疗保险', '失业保险']),
      image('proofs', '缴费凭证照片'),
    ],
  },
  {
    code: 'startup-guarantee-loan',
    name: '创业担保贷款',
    category: '就业创业',
    description:
      '城镇登记失业人员、就业困难人员、高校毕业生、退役军人、返乡创业农民工等符合条件的创业者，可申请政府担保、财政贴息的创业担保贷款。社区初审后转人社部门和经办银行审核。',
    materials: ['居民身份证、户口簿', '营业执照', '创业项目计划书', '《就业创业证》或相应身份证明'],
    promisedDays: 15,
    onlineDirect: false,
    fields: [
      ...applicant(),
      select('applicantType', '申请人类别', [
        '城镇登记失业人员',
        '就业困难人员',
        '高校毕业生',
        '退役军人',
        '返乡创业农民工',
        '其他',
      ]),
      text('businessName', '经营项目名称', { maxLength: 50 }),
      number('amount', '申请金额（万元）', { min: 1, max: 30, help: '贷款额度以经办银行审核为准' }),
      textarea('plan', '项目简介', { maxLength: 500 }),
      image('license', '营业执照照片'),
    ],
  },
  {
    code: 'job-seeking-registration',
    name: '求职登记',
    category: '就业创业',
    description: '有求职意愿的居民登记求职信息，社区为其匹配推荐就业岗位，并通知招聘会和就业服务活动。',
    materials: ['居民身份证'],
    promisedDays: 0,
    onlineDirect: true,
    fields: [
      ...applicant(),
      multiselect('positions', '意向岗位', [
        '保洁保安',
        '家政服务',
        '餐饮服务',
        '商超零售',
        '物流快递',
        '制造业普工',
        '办公文员',
        '其他',
      ]),
      select('workTime', '工作时间', ['全日制', '非全日制/小时工', '均可']),
      number('expectedSalary', '期望月薪（元）', { required: false, min: 0, max: 100_000 }),
      textarea('experience', '工作经历', { required: false, maxLength: 500 }),
    ],
  },
  {
    code: 'skills-training',
    name: '职业技能培训报名',
    category: '就业创业',
    description:
      '登记失业人员、就业困难人员、农村转移劳动力等可报名参加政府补贴性职业技能培训。培训合格取得证书的按规定享受培训补贴。',
    materials: ['居民身份证', '《就业创业证》（如有）'],
    promisedDays: 3,
    onlineDirect: true,
    fields: [
      ...applicant(),
      select('course', '培训项目', [
        '育婴员',
        '养老护理员',
        '家政服务员',
        '中式烹调师',
        '电工',
        '焊工',
        '电子商务',
        '美容美发',
      ]),
      select('education', '文化程度', EDUCATION),
      date('availableFrom', '可参加培训日期', optional),
    ],
  },

  // 社会保障 ---------------------------------------------------------
  {
    code: 'resident-pension-enrolment',
    name: '城乡居民养老保险参保',
    category: '社会保障',
    description:
      '年满16周岁（不含在校学生）、未参加职工基本养老保险的城乡居民，可参加城乡居民基本养老保险，并自主选择缴费档次。',
    materials: ['居民身份证、户口簿', '社会保障卡（如有）'],
    promisedDays: 0,
    onlineDirect: true,
    fields: [
      ...applicant('参保人'),
      select('householdType', '户籍类型', ['本市城镇户籍', '本市农村户籍']),
      select(
        'contributionLevel',
        '缴费档次（每年）',
        ['200元', '300元', '500元', '1000元', '1500元', '2000元', '3000元'],
        {
          help: '档次以当年政策公布为准',
        },
      ),
      select('specialIdentity', '代缴身份', ['低保对象', '特困人员', '重度残疾人', '防止返贫监测对象'], {
        required: false,
        help: '符合条件的由政府代缴部分或全部最低档次保费',
      }),
    ],
  },
  {
    code: 'pension-eligibility-certification',
    name: '养老金领取资格认证',
    category: '社会保障',
    description:
      '领取养老金的退休人员和城乡居民养老保险待遇领取人员每年需进行资格认证，可通过人脸识别在线完成。行动不便的老人可由网格员或红色代办员上门协助认证。',
    materials: ['居民身份证', '本人近期正面照片（人脸识别）'],
    promisedDays: 0,
    onlineDirect: true,
    hot: true,
    fields: [
      ...applicant('领取人'),
      select('pensionType', '待遇类型', ['企业职工基本养老金', '机关事业单位养老金', '城乡居民养老保险待遇']),
      select('method', '认证方式', ['本人手机人脸识别', '网格员上门协助认证', '到便民服务站认证']),
      image('photo', '本人近期正面照片', optional),
    ],
  },
  {
    code: 'resident-pension-claim',
    name: '城乡居民养老保险待遇领取',
    category: '社会保障',
    description: '参加城乡居民养老保险、年满60周岁且累计缴费满15年（或按规定补缴）的居民，可申请按月领取养老保险待遇。',
    materials: ['居民身份证、户口簿', '社会保障卡'],
    promisedDays: 10,
    onlineDirect: true,
    fields: [
      ...applicant(),
      number('contributionYears', '累计缴费年限', { min: 0, max: 60 }),
      select('paymentMethod', '待遇发放方式', ['社会保障卡金融账户', '本人银行卡']),
      image('cardPhoto', '社会保障卡或银行卡照片'),
    ],
  },
  {
    code: 'funeral-subsidy',
    name: '死亡殡葬补贴',
    category: '社会保障',
    description:
      '养老保险参保人员或待遇领取人员去世后，由其亲属申领丧葬补助金（企业退休人员另含抚恤金），同时办理待遇停发和个人账户余额继承。',
    materials: [
      '逝者的居民身份证、户口注销证明',
      '居民死亡医学证明或火化证明',
      '申领人居民身份证及与逝者的亲属关系证明',
      '申领人银行卡',
    ],
    promisedDays: 15,
    onlineDirect: false,
    fields: [
      personName('deceasedName', '逝者姓名'),
      idNumber('deceasedIdNumber', '逝者身份证号'),
      date('dateOfDeath', '死亡日期'),
      ...applicant('申领人'),
      select('relation', '与逝者关系', ['配偶', '子女', '父母', '其他亲属']),
      image('proofs', '死亡证明、火化证明等照片'),
    ],
  },
  {
    code: 'social-security-card',
    name: '社会保障卡申领',
    category: '社会保障',
    description:
      '参保居民可申领社会保障卡，用于就医结算、养老金领取和各类补贴发放。遗失、损坏或到期的可申请补领、换领。',
    materials: ['居民身份证', '近期免冠彩色照片（电子版）'],
    promisedDays: 10,
    onlineDirect: true,
    fields: [
      ...applicant(),
      select('reason', '申领类型', ['首次申领', '遗失补领', '损坏或到期换领']),
      select('bank', '服务银行', [
        '中国工商银行',
        '中国农业银行',
        '中国银行',
        '中国建设银行',
        '中国邮政储蓄银行',
        '其他',
      ]),
      image('photo', '免冠彩色照片'),
      select('receiveMethod', '领取方式', ['银行网点领取', '邮寄到家']),
    ],
  },

  // 医疗保障 ---------------------------------------------------------
  {
    code: 'resident-medical-enrolment',
    name: '医保参保登记',
    category: '医疗保障',
    description: '未参加职工医保的城乡居民（含新生儿、在校学生）可办理城乡居民基本医疗保险参保登记，登记后按年度缴费。',
    materials: ['居民身份证或户口簿', '出生医学证明（新生儿）', '居住证（非本市户籍）'],
    promisedDays: 0,
    onlineDirect: true,
    fields: [
      ...applicant('参保人'),
      select('insuredCategory', '参保人员类别', RELIEF_CATEGORIES),
      select('householdRegistration', '户籍情况', ['本市户籍', '外地户籍（持本市居住证）']),
      image('birthCertificate', '出生医学证明照片', { required: false, help: '新生儿参保时上传' }),
    ],
  },
  {
    code: 'resident-medical-payment',
    name: '城乡居民医保缴费',
    category: '医疗保障',
    description:
      '城乡居民医保按年度缴费，集中缴费期内可线上缴纳下一年度保费。低保、特困等困难群众的个人缴费按规定由医疗救助资助。',
    materials: ['参保人居民身份证'],
    promisedDays: 0,
    onlineDirect: true,
    hot: true,
    fields: [
      ...applicant('参保人'),
      select('year', '缴费年度', ['2025年度', '2026年度']),
      select('insuredCategory', '参保人员类别', RELIEF_CATEGORIES),
      select('payer', '缴费人', ['本人', '家属代缴', '红色代办员代缴']),
    ],
  },
  {
    code: 'out-of-area-medical-filing',
    name: '异地就医备案',
    category: '医疗保障',
    description: '长期异地居住、工作或转诊、临时外出就医的参保人员，办理异地就医备案后可在就医地定点医疗机构直接结算。',
    materials: ['居民身份证或社会保障卡', '异地居住证明或个人承诺书（长期居住备案）'],
    promisedDays: 0,
    onlineDirect: true,
    fields: [
      ...applicant('参保人'),
      select('insuranceType', '参保类型', ['职工医保', '城乡居民医保']),
      select('filingType', '备案类型', ['异地长期居住', '常驻异地工作', '异地转诊就医', '临时外出就医']),
      text('destination', '就医地（省、市）', { maxLength: 30 }),
      date('startDate', '备案开始日期'),
    ],
  },
  {
    code: 'chronic-disease-recognition',
    name: '门诊慢特病待遇认定',
    category: '医疗保障',
    description: '患有高血压、糖尿病、恶性肿瘤等规定病种的参保人员，经认定后门诊费用可按慢特病政策报销。',
    materials: ['居民身份证或社会保障卡', '二级及以上医院出具的诊断证明', '近期病历、检查化验报告'],
    promisedDays: 20,
    onlineDirect: false,
    fields: [
      ...applicant('参保人'),
      multiselect('diseases', '申请病种', [
        '高血压',
        '糖尿病',
        '冠心病',
        '脑血管疾病后遗症',
        '慢性阻塞性肺疾病',
        '恶性肿瘤门诊治疗',
        '尿毒症透析',
        '器官移植术后抗排异治疗',
        '其他',
      ]),
      text('hospital', '诊断医院', { maxLength: 50 }),
      date('diagnosedOn', '确诊日期'),
      image('records', '诊断证明及病历照片'),
    ],
  },

  // 计生服务 ---------------------------------------------------------
  {
    code: 'birth-registration',
    name: '生育登记',
    category: '计生服务',
    description: '夫妻生育子女实行生育登记服务，可在孕期或子女出生后办理。登记后可享受孕产期保健等服务。',
    materials: ['夫妻双方居民身份证', '结婚证', '出生医学证明（已出生的）'],
    promisedDays: 0,
    onlineDirect: true,
    fields: [
      personName('motherName', '女方姓名'),
      idNumber('motherIdNumber', '女方身份证号'),
      personName('fatherName', '男方姓名'),
      idNumber('fatherIdNumber', '男方身份证号'),
      phone,
      select('childOrder', '本次生育孩次', ['第一个孩子', '第二个孩子', '第三个孩子', '第四个及以上']),
      date('dueDate', '预产期或出生日期'),
      image('marriageCertificate', '结婚证照片'),
    ],
  },
  {
    code: 'one-child-certificate-reissue',
    name: '独生子女父母光荣证补办',
    category: '计生服务',
    description: '《独生子女父母光荣证》遗失或损坏的可申请补办。光荣证是申领独生子女父母奖励等待遇的重要凭证。',
    materials: ['夫妻双方居民身份证、户口簿', '子女出生医学证明或户口簿'],
    promisedDays: 5,
    onlineDirect: true,
    fields: [
      ...applicant(),
      personName('childName', '独生子女姓名'),
      date('childBirthDate', '子女出生日期'),
      select('reason', '补办原因', ['遗失', '损坏']),
      number('originalIssuedYear', '原证发证年份', { required: false, min: 1979, max: 2016 }),
    ],
  },
  {
    code: 'one-child-parents-reward',
    name: '独生子女父母奖励',
    category: '计生服务',
    description:
      '持有《独生子女父母光荣证》的夫妻，可按照国家和辽宁省规定申领独生子女父母奖励。社区初审后报街道和卫生健康部门审核。',
    materials: ['《独生子女父母光荣证》', '夫妻双方居民身份证、户口簿', '退休证明（按退休申领时）'],
    promisedDays: 20,
    onlineDirect: false,
    fields: [
      ...applicant(),
      personName('spouseName', '配偶姓名'),
      idNumber('spouseIdNumber', '配偶身份证号', optional),
      select('identity', '申请人身份', ['企业退休职工', '机关事业单位退休人员', '城镇无业居民', '农村居民']),
      image('certificatePhoto', '独生子女父母光荣证照片'),
    ],
  },
  {
    code: 'family-planning-special-assistance',
    name: '计划生育家庭特别扶助',
    category: '计生服务',
    description:
      '独生子女死亡或伤残（三级以上残疾）、未再生育或收养子女的家庭，女方年满49周岁后，夫妻双方可申请特别扶助金。',
    materials: ['夫妻双方居民身份证、户口簿', '《独生子女父母光荣证》或相关生育证明', '子女死亡证明或残疾人证'],
    promisedDays: 30,
    onlineDirect: false,
    fields: [
      ...applicant(),
      personName('spouseName', '配偶姓名'),
      select('assistanceType', '扶助类别', ['独生子女死亡家庭', '独生子女伤残家庭']),
      personName('childName', '独生子女姓名'),
      textarea('situation', '家庭情况说明', { required: false, maxLength: 500 }),
      image('proofs', '证明材料照片'),
    ],
  },

  // 住房保障 ---------------------------------------------------------
  {
    code: 'public-rental-housing',
    name: '廉租住房/公租房申请',
    category: '住房保障',
    description:
      '本市城镇住房困难、收入符合标准的家庭，以及新就业无房职工、稳定就业的外来务工人员，可申请公共租赁住房（含原廉租住房）或住房租赁补贴。社区初审、公示后报住房保障部门审核。',
    materials: ['申请人及家庭成员的居民身份证、户口簿', '家庭收入证明', '现住房情况证明（如租赁合同）', '婚姻状况证明'],
    promisedDays: 30,
    onlineDirect: false,
    fields: [
      ...applicant(),
      number('familySize', '家庭人口', { min: 1, max: 15 }),
      number('monthlyIncome', '家庭月收入（元）', { min: 0, max: 1_000_000 }),
      select('currentHousing', '现住房情况', ['无自有住房（租住）', '借住亲友住房', '自有住房人均面积不足']),
      select('supportType', '申请保障方式', ['实物配租（公租房）', '发放住房租赁补贴']),
      image('proofs', '收入及住房证明照片'),
    ],
  },

  // 退役军人 ---------------------------------------------------------
  {
    code: 'veteran-preferential-card',
    name: '退役军人优待证申领',
    category: '退役军人',
    description:
      '退役军人和烈士遗属、因公牺牲军人遗属、病故军人遗属可申领优待证，凭证享受交通、文旅、医疗等方面的优待。',
    materials: ['居民身份证', '退役证件（退伍证、转业证等）或遗属身份证明', '近期免冠彩色照片'],
    promisedDays: 20,
    onlineDirect: true,
    fields: [
      ...applicant(),
      select('identity', '人员类别', ['退役军人', '烈士遗属', '因公牺牲军人遗属', '病故军人遗属']),
      date('dischargeDate', '退役日期', { required: false, help: '退役军人本人申领时填写' }),
      image('photo', '免冠彩色照片'),
      image('certificate', '退役证件或遗属证明照片'),
    ],
  },
  {
    code: 'veteran-information',
    name: '退役军人信息采集',
    category: '退役军人',
    description:
      '新退役或信息发生变化的退役军人，在居住地登记或更新个人信息，便于落实走访慰问、优待抚恤和就业扶持政策。',
    materials: ['居民身份证', '退役证件'],
    promisedDays: 0,
    onlineDirect: true,
    fields: [
      ...applicant(),
      date('enlistDate', '入伍日期'),
      date('dischargeDate', '退役日期'),
      select('dischargeType', '退役方式', ['退出现役（退伍）', '转业', '复员', '退休', '其他']),
      address(),
      multiselect('needs', '服务需求', ['就业帮扶', '创业扶持', '困难帮扶', '法律援助', '心理疏导'], optional),
    ],
  },

  // 其他 -------------------------------------------------------------
  {
    code: 'residence-permit',
    name: '居住证申领',
    category: '其他',
    description:
      '离开常住户口所在地、在本市居住半年以上，且有合法稳定就业、合法稳定住所或连续就读之一的，可申领居住证，享受居住地基本公共服务。由公安机关审核签发。',
    materials: ['居民身份证', '近期免冠照片（电子版）', '住所证明（房产证、租赁合同或居住证明）', '就业或就读证明'],
    promisedDays: 15,
    onlineDirect: true,
    fields: [
      ...applicant(),
      address('本市居住地址'),
      date('arrivedOn', '来本市居住日期'),
      select('basis', '申领条件', ['合法稳定就业', '合法稳定住所', '连续就读']),
      image('proofs', '住所及就业（就读）证明照片'),
    ],
  },
  {
    code: 'legal-aid',
    name: '法律援助申请',
    category: '其他',
    description:
      '经济困难或符合法定条件的居民，在追索劳动报酬、社会保险待遇、赡养费等事项上需要法律帮助的，可申请法律援助。法律援助机构自收到申请之日起7日内作出是否给予援助的决定。',
    materials: ['居民身份证', '经济困难状况说明或相关证明', '与申请事项有关的证据材料'],
    promisedDays: 7,
    onlineDirect: false,
    fields: [
      ...applicant(),
      select('matter', '事项类别', [
        '劳动报酬、工伤赔偿',
        '社会保险待遇',
        '赡养费、抚养费、扶养费',
        '婚姻家庭纠纷',
        '交通事故赔偿',
        '医疗纠纷',
        '其他民事事项',
      ]),
      select('hardship', '经济状况', ['低保、特困人员', '低收入家庭', '其他经济困难情形', '依法无需审查经济状况']),
      textarea('facts', '案情简述', { maxLength: 1000 }),
      image('proofs', '证据材料照片', optional),
    ],
  },
  {
    code: 'party-membership-transfer',
    name: '党组织关系转接',
    category: '其他',
    description: '党员因工作调动、居住地变化等需要转入或转出社区党组织的，可在线申请组织关系转接，由社区党委办理。',
    materials: ['居民身份证', '原党组织出具的组织关系介绍信（如有）'],
    promisedDays: 3,
    onlineDirect: true,
    fields: [
      ...applicant('党员'),
      select('direction', '转接方向', ['转入本社区党组织', '由本社区转出']),
      select('memberType', '党员类别', ['正式党员', '预备党员']),
      date('joinedOn', '入党日期'),
      text('fromOrg', '原所在党组织', { maxLength: 50 }),
      text('toOrg', '拟转入党组织', { maxLength: 50 }),
    ],
  },
  {
    code: 'volunteer-registration',
    name: '志愿者注册',
    category: '其他',
    description: '热心公益的居民可注册成为社区志愿者，参与网格巡查、助老助残、文明宣传等志愿服务活动。',
    materials: ['居民身份证'],
    promisedDays: 0,
    onlineDirect: true,
    fields: [
      ...applicant(),
      multiselect('areas', '服务意向', [
        '助老助残',
        '网格巡查',
        '环境整治',
        '文明宣传',
        '法律咨询',
        '医疗健康',
        '应急救援',
        '文体活动',
      ]),
      select('availableTime', '可服务时间', ['工作日', '周末', '均可']),
      text('skills', '个人特长', { required: false, maxLength: 50 }),
    ],
  },
];

export const serviceByCode = (code: string): ServiceDef | undefined => SERVICES.find((s) => s.code === code);
