/** The most a session that covers no core item can score, in percent. */
const CORE_CAP = 60;
export function scoreStage(stageId, items, checkedIds) {
    const checked = new Set(checkedIds);
    const weightTotal = items.reduce((sum, item) => sum + item.weight, 0);
    const weightChecked = items.filter((item) => checked.has(item.id)).reduce((sum, item) => sum + item.weight, 0);
    const core = items.filter((item) => item.core);
    return {
        stageId,
        checked: items.filter((item) => checked.has(item.id)).map((item) => item.id),
        // Missed core items first: they are what the report must say before anything else.
        missed: items.filter((item) => !checked.has(item.id)).sort((a, b) => Number(Boolean(b.core)) - Number(Boolean(a.core))),
        score: percent(weightChecked, weightTotal),
        weightChecked,
        weightTotal,
        coreChecked: core.filter((item) => checked.has(item.id)).reduce((sum, item) => sum + item.weight, 0),
        coreTotal: core.reduce((sum, item) => sum + item.weight, 0),
    };
}
/**
 * The total over every stage. With core items, the total is capped at CORE_CAP when none is
 * covered, rising in step with the core weight covered to no cap when all are.
 */
export function scoreSession(stages) {
    const sum = (pick) => stages.reduce((total, stage) => total + pick(stage), 0);
    const uncapped = percent(sum((stage) => stage.weightChecked), sum((stage) => stage.weightTotal));
    const coreTotal = sum((stage) => stage.coreTotal);
    const cap = coreTotal === 0 ? 100 : Math.round(CORE_CAP + (100 - CORE_CAP) * (sum((stage) => stage.coreChecked) / coreTotal));
    return { stages, total: Math.min(uncapped, cap), capped: uncapped > cap };
}
function percent(part, whole) {
    return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
