#!/usr/bin/env python3
"""Convert the administrative-division list shipped in the PyPI package cpca (0.5.5, MIT licence,
file cpca/resources/adcodes.csv: 12-digit adcode, name, longitude, latitude) into Ontology/regions.tsv.

usage: pip download --no-deps cpca==0.5.5 && unzip cpca-0.5.5-py3-none-any.whl -d cpca
       git clone https://github.com/modood/Administrative-divisions-of-China nbs   (optional, see below)
       python3 make_regions.py cpca/cpca/resources/adcodes.csv cpca/cpca/resources/56_nations.csv [nbs/dist] > ../regions.tsv

cpca's list predates the county changes of 2016-2022 (撤县设区, 撤县设市: 梁平县 -> 梁平区, 禄丰县 -> 禄丰市). With a third
argument, the folder `dist` of modood/Administrative-divisions-of-China (WTFPL; the National Bureau of Statistics'
division codes as of 2022-10-31: provinces.csv, cities.csv, areas.csv) brings the list up to date: a division takes
its current name and code, its former name stays as an alias (documents written before the change use it), a
division that moved to a new code keeps only the new one, and one that no current division continues is kept (a
historical division is still named by older documents). The statistical bureau's functional zones (codes xxxx7x:
development zones, new areas under a city) are not administrative divisions and are left out.

Columns: code (GB/T 2260, six digits), canonical, aliases (|-separated), level, parent code.
Hierarchy comes from the code: xx0000 province, xxxx00 prefecture, otherwise county; placeholder rows
(市辖区, 县, 省直辖县级行政区划) are dropped and their children attach to the province.
Short forms: provinces drop 省/市/自治区 and the ethnic name; prefectures drop 市/地区 and the part from the
ethnic name on (延边朝鲜族自治州 → 延边, 延边州), except where the short form is a common word or collides with
a province; county-level cities drop 市 under the same rules. Districts and counties keep full names only.
"""
import csv, sys

MUNICIPALITIES = {"11", "12", "31", "50"}
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏", "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆", "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}
# Short forms that are ordinary words or names of other things in policy prose: never used.
STOP = set("""朝阳 长治 日照 安康 大同 中山 吉安 黄山 白山 三明 白银 金昌 普洱 玉树 海南 海北 海东 海西 黄南 果洛 三沙
合作 江山 龙井 安宁 临海 永安 开平 长寿 当阳 宜都 大冶 义马 合山 北流 阿里 那曲 和田 塔城 兴安 锡林郭勒 阿拉善
林芝 山南 昌都 日喀则 博尔塔拉 克孜勒苏 巴音郭楞 东方 五指山 文昌 万宁 琼海 儋州 乐东 定安 屯昌 澄迈 临高 保亭
白沙 陵水 琼中 仙桃 天门 潜江 神农架 济源 石河子 阿拉尔 图木舒克 五家渠 北屯 铁门关 双河 可克达拉 昆玉 胡杨河
新星 白杨 高安 福安 乐平 龙口 丰城 永康 东阳 瑞金 安达 太和 平安 和平 开远 建德 宁国 桐城 明光 天长 界首
集安 公主岭 双辽 大安 德惠 舒兰 磐石 和龙 龙泉 兰溪 江油 华蓥 峨眉山 都江堰 简阳 彭州 邛崃 崇州 广汉 什邡
绵竹 阆中 万源 西昌 马尔康 康定 会理 隆昌 射洪 宣威 安顺 清镇 赤水 仁怀 凯里 都匀 福泉 兴义 兴仁 盘州 黔西
凭祥 东兴 桂平 靖西 荔浦 宜州 合浦 增城 从化 台山 开平 鹤山 恩平 廉江 雷州 吴川 高州 化州 信宜 四会 兴宁
陆丰 阳春 英德 连州 普宁 罗定 乐昌 南雄 海门 启东 如皋 太仓 昆明 通化 辽源 四平 松原 白城 延吉 图们 敦化
珲春 龙岩 漳平 石狮 晋江 南安 永春 福清 长乐 邵武 武夷山 建瓯 福鼎 宁德 霞浦 海城 盖州 大石桥 东港 凤城
北票 凌源 兴城 瓦房店 庄河 新民 调兵山 开原 灯塔 凌海 北镇 青州 诸城 寿光 安丘 高密 昌邑 龙口 莱阳 莱州
招远 栖霞 海阳 乳山 荣成 曲阜 邹城 新泰 肥城 滕州 乐陵 禹城 临清 邹平 胶州 平度 莱西 即墨 武安 南宫 沙河
迁安 遵化 三河 霸州 泊头 任丘 黄骅 河间 深州 辛集 晋州 新乐 定州 涿州 高碑店 安国 高平 介休 孝义 汾阳 侯马
霍州 古交 河津 永济 原平 怀仁 灵宝 长葛 禹州 新郑 登封 荥阳 新密 巩义 偃师 孟州 沁阳 卫辉 辉县 林州 永城
项城 邓州 汝州 舞钢 义乌 慈溪 余姚 诸暨 嵊州 乐清 瑞安 龙港 温岭 玉环 海宁 平湖 桐乡 江阴 宜兴 张家港 常熟
昆山 溧阳 丹阳 扬中 句容 仪征 高邮 兴化 靖江 泰兴 东台 邳州 新沂 花都""".split())
# The county-level cities above are commonly written with 市; a few are frequent enough in policy prose to keep.
KEEP_COUNTY_SHORT = set("义乌 昆山 江阴 张家港 常熟 晋江 慈溪 余姚 诸暨 石狮 瑞安 乐清 温岭 海宁 平湖 桐乡 宜兴 太仓".split())

def ethnic_cut(name, nations):
    cut = len(name)
    for n in nations:
        i = name.find(n)
        if 0 < i < cut:
            cut = i
    return name[:cut]

def update_to_current(rows, former, nbs_dir):
    """Brings `rows` (code -> name) up to the statistical bureau's list in `nbs_dir`; `former` collects, per code,
    the names a division had before."""
    current = {}
    for name, width in (("provinces", 2), ("cities", 4), ("areas", 6)):
        for r in csv.DictReader(open(f"{nbs_dir}/{name}.csv", encoding="utf-8")):
            code = r["code"].ljust(6, "0")
            if r["name"] in PLACEHOLDERS or (width == 6 and code[4] == "7"):
                continue
            current[code] = r["name"]
    for code, name in current.items():
        if code in rows and rows[code] != name:
            former.setdefault(code, []).append(rows[code])
        rows[code] = name
    stem = lambda n: n[:-1] if len(n) >= 3 and n[-1] in "县市区旗" else None
    for code in [c for c in rows if c not in current and c[4:] != "00"]:
        name = rows[code]
        if any(c[:2] == code[:2] and n == name for c, n in current.items()):
            del rows[code]  # the same division under a new code
            continue
        # (In a municipality, counties and districts lie under two different placeholder prefectures.)
        area = 2 if code[:2] in MUNICIPALITIES else 4
        successor = [c for c, n in current.items()
                     if c[:area] == code[:area] and c[4:] != "00" and stem(n) and stem(n) == stem(name)]
        if len(successor) == 1:
            former.setdefault(successor[0], []).append(name)
            del rows[code]

def main():
    adcodes, nations_path = sys.argv[1], sys.argv[2]
    nations = [l.strip() for l in open(nations_path, encoding="utf-8") if l.strip()]
    nations += [n[:-1] for n in nations if n.endswith("族") and len(n) > 2]  # 蒙古 in 巴音郭楞蒙古自治州
    rows = {}
    for r in csv.DictReader(open(adcodes, encoding="utf-8")):
        code = r["adcode"][:6]
        if r["name"] not in PLACEHOLDERS:
            rows[code] = r["name"]
    former = {}
    if len(sys.argv) > 3:
        update_to_current(rows, former, sys.argv[3])
    out = [("100000", "中国", ["我国", "中华人民共和国", "中國"], "country", "")]
    province_short = set()
    for code in sorted(rows):
        name = rows[code]
        if code[2:] == "0000":
            level, parent = "province", "100000"
        elif code[4:] == "00":
            level, parent = "prefecture", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00" if code[:4] + "00" in rows else code[:2] + "0000"
        aliases = list(former.get(code, []))
        if level == "province":
            short = PROVINCE_SHORT.get(name) or (name[:-1] if name[-1] in "省市" else name)
            aliases.append(short)
            province_short.add(short)
        elif level == "prefecture":
            if name.endswith("自治州"):
                short = ethnic_cut(name, nations)
                aliases += [short, short + "州"]
            elif name.endswith("地区"):
                aliases.append(name[:-2])
            elif name.endswith("市") and len(name) >= 3:
                aliases.append(name[:-1])
        elif level == "county" and name.endswith("市") and len(name) >= 3:
            if name[:-1] in KEEP_COUNTY_SHORT:
                aliases.append(name[:-1])
        aliases = [a for a in aliases if len(a) >= 2 and a != name and (level == "province" or a not in STOP or a in KEEP_COUNTY_SHORT)
                   and (level == "province" or a not in province_short)]
        out.append((code, name, aliases, level, parent))
    # A short form shared by several prefectures/cities is too ambiguous to keep.
    count = {}
    for _, _, aliases, level, _ in out:
        if level != "province":
            for a in aliases:
                count[a] = count.get(a, 0) + 1
    source = "cpca 0.5.5, MIT" + (", brought up to NBS 2022-10-31 by modood/Administrative-divisions-of-China, WTFPL" if former or len(sys.argv) > 3 else "")
    print(f"# code\tcanonical\taliases\tlevel\tparent_code  (generated by tools/make_regions.py from {source})")
    for code, name, aliases, level, parent in out:
        if level != "province":
            aliases = [a for a in aliases if count[a] == 1]
        print("\t".join([code, name, "|".join(aliases), level, parent]))

main()
