package org.unionanalytics.domain.shared;

/** Ningbo's districts, county-level cities and counties (2017), and its functional zones. */
public enum District {
    HAISHU("海曙区"), JIANGBEI("江北区"), ZHENHAI("镇海区"), BEILUN("北仑区"), YINZHOU("鄞州区"),
    FENGHUA("奉化区"), YUYAO("余姚市"), CIXI("慈溪市"), NINGHAI("宁海县"), XIANGSHAN("象山县"),
    GAOXIN("高新区"), DONGQIANHU("东钱湖"), HANGZHOUWAN("杭州湾新区"), DAXIE("大榭"), MEISHAN("梅山");

    private final String chineseName;

    District(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
