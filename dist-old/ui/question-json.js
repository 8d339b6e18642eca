import { jsonText } from '../text.js';
export function questionJson(question, rubric, date, followupKeys = false) {
    return {
        id: question.id,
        title: question.title,
        category: question.category,
        difficulty: question.difficulty,
        companies: question.companies ?? [],
        tags: question.tags ?? [],
        prompt: question.prompt,
        rubric: rubric.id,
        stages: rubric.stages.map((stage) => ({ id: stage.id, title: stage.title, minutes: stage.minutes })),
        ...(date === undefined ? {} : { date }),
        file: question.file,
        ...(followupKeys
            ? {
                followups: (question.followupDetails ?? []).map((followup) => ({
                    text: followup.text,
                    answer: followup.answer ?? [],
                    when: followup.when ? { mentioned: followup.when.mentioned ?? [], missing: followup.when.missing ?? [] } : null,
                })),
            }
            : {}),
    };
}
/** One question as pretty-printed JSON, ending with a newline. */
export function questionJsonText(question, rubric, date, followupKeys = false) {
    return jsonText(questionJson(question, rubric, date, followupKeys));
}
