/** The category given to sessions whose question is not in the bank. */
export const UNKNOWN_CATEGORY = 'unknown';
/** A view of the open bank that reads whole questions only when an item or prompt needs them. */
export function bankView(catalog) {
    const known = new Set(catalog.ids);
    const parsed = new Map();
    const whole = (id) => {
        if (!known.has(id))
            return undefined;
        let question = parsed.get(id);
        if (!question)
            parsed.set(id, (question = catalog.question(id)));
        return question;
    };
    const asItem = (item) => item && { text: item.text, ...(item.guidance ? { guidance: item.guidance } : {}), ...(item.core ? { core: true } : {}) };
    const inRubric = (rubric, stageId, itemId) => rubric?.stages.find((stage) => stage.id === stageId)?.checklist.find((item) => item.id === itemId);
    return {
        questions: catalog.questions.map(({ id, title, category, difficulty }) => ({ id, title, category, difficulty })),
        question(id) {
            const question = whole(id);
            return question && { id: question.id, title: question.title, category: question.category, difficulty: question.difficulty, prompt: question.prompt, strongAnswer: question.examples?.strong?.notes ?? null };
        },
        rubricTitle: (rubricId) => catalog.rubrics.get(rubricId)?.title,
        stageTitle: (rubricId, stageId) => catalog.rubrics.get(rubricId)?.stages.find((stage) => stage.id === stageId)?.title,
        redFlags: (rubricId, stageId) => catalog.rubrics.get(rubricId)?.stages.find((stage) => stage.id === stageId)?.red_flags ?? [],
        item(session, stageId, itemId) {
            const own = inRubric(catalog.rubrics.get(session.rubricId), stageId, itemId)
                ?? whole(session.questionId)?.stages[stageId]?.checklist?.find((item) => item.id === itemId);
            if (own)
                return asItem(own);
            for (const rubric of catalog.rubrics.values()) {
                const found = inRubric(rubric, stageId, itemId);
                if (found)
                    return asItem(found);
            }
            return undefined;
        },
    };
}
