package org.exchangehub.demo;

import java.util.SplittableRandom;

/**
 * The words the generator builds Fujian enterprises from: division codes with their city and district, trade-name
 * characters, industries, legal forms and personal names. Kept apart from the generator so the wording can grow
 * without touching how rows are made.
 */
final class Vocabulary {

    /**
     * GB/T 2260 district codes used in credit codes, with city and district names. 350402 (梅列区) was merged into
     * 三元区 (350404) in 2021 but lives on in credit codes issued before, as in any legacy register.
     */
    static final String[][] DIVISIONS = {
        {"350102", "福州", "鼓楼区"}, {"350103", "福州", "台江区"}, {"350104", "福州", "仓山区"},
        {"350105", "福州", "马尾区"}, {"350111", "福州", "晋安区"}, {"350203", "厦门", "思明区"},
        {"350206", "厦门", "湖里区"}, {"350211", "厦门", "集美区"}, {"350212", "厦门", "同安区"},
        {"350303", "莆田", "涵江区"}, {"350402", "三明", "梅列区"}, {"350502", "泉州", "鲤城区"},
        {"350602", "漳州", "芗城区"}, {"350702", "南平", "延平区"}, {"350802", "龙岩", "新罗区"},
        {"350902", "宁德", "蕉城区"},
    };

    private static final String TRADE_FIRST = "闽榕鹭海鑫华恒宏永金东博星瑞汇中天明嘉新万盛福安德锦兴清泉丰南创智蓝远长信宝佳正";
    private static final String TRADE_SECOND = "江城岛峡源信泰达安山方远辰丰通联成禾宇家世和昌程业西夷润辉盛鸿茂隆诚航翔峰晟锐";
    private static final String[] INDUSTRIES = {
        "科技", "信息技术", "网络科技", "贸易", "商贸", "建设工程", "建筑工程", "食品", "物流", "电子商务",
        "餐饮管理", "房地产开发", "机械设备", "服装", "茶业", "文化传媒", "医疗器械", "环保科技", "新能源",
        "投资管理", "供应链管理", "装饰工程", "电子", "农业发展", "水产",
    };
    private static final String[] SURNAMES = {
        "陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "谢", "洪", "郭", "邱", "曾", "廖",
        "赖", "周", "徐", "苏", "叶", "庄", "吕", "江", "何", "罗", "高", "潘", "朱", "方", "游", "余", "詹", "施",
        "卢", "彭", "魏", "欧阳", "上官",
    };
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂文辉鹏华建国志海燕玲丹萍红峰斌婷雪琳晨宇浩俊鑫思雨欣佳子梓涵晓金水福荣清龙";
    private static final String FULL_WIDTH_LETTERS = "ＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＳＴＷＸＹＺ";

    private Vocabulary() {
    }

    /** Appends a company name such as 福州闽江科技有限公司, 厦门市鹭岛贸易有限公司 or 闽江（福州）科技有限公司. */
    static void companyName(SplittableRandom random, String[] division, boolean fullWidthTradeName,
                            StringBuilder out) {
        String city = division[1];
        int pattern = random.nextInt(100);
        if (pattern < 60) {
            out.append(city);
            tradeName(random, fullWidthTradeName, out);
        } else if (pattern < 75) {
            out.append(city).append('市');
            tradeName(random, fullWidthTradeName, out);
        } else if (pattern < 85) {
            out.append(random.nextBoolean() ? "福建省" : "福建");
            tradeName(random, fullWidthTradeName, out);
        } else if (pattern < 95) {
            tradeName(random, fullWidthTradeName, out);
            out.append('（').append(city).append('）');
        } else {
            out.append(city).append('市').append(division[2]);
            tradeName(random, fullWidthTradeName, out);
        }
        out.append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
        int form = random.nextInt(100);
        out.append(form < 70 ? "有限公司" : form < 85 ? "有限责任公司" : form < 95 ? "股份有限公司" : "合伙企业（有限合伙）");
    }

    private static void tradeName(SplittableRandom random, boolean fullWidth, StringBuilder out) {
        if (fullWidth) {
            int letters = 2 + random.nextInt(3);
            for (int i = 0; i < letters; i++) {
                out.append(FULL_WIDTH_LETTERS.charAt(random.nextInt(FULL_WIDTH_LETTERS.length())));
            }
        } else {
            out.append(TRADE_FIRST.charAt(random.nextInt(TRADE_FIRST.length())))
               .append(TRADE_SECOND.charAt(random.nextInt(TRADE_SECOND.length())));
        }
    }

    /** A person's name: a surname (the common Fujian ones most often) and one or two given characters. */
    static String personName(SplittableRandom random) {
        // squaring favours the front of the list, where the most common surnames are
        double u = random.nextDouble();
        String surname = SURNAMES[(int) (u * u * SURNAMES.length)];
        StringBuilder name = new StringBuilder(4).append(surname);
        name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(100) < 65) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }
}
