/** Ids of the questions with at least one completed session; abandoned ones do not count. */
export function completedQuestionIds(records) {
    const ids = new Set();
    for (const record of records)
        if (record.status === 'completed')
            ids.add(record.questionId);
    return ids;
}
/** The questions never completed, in their given order. */
export function unseenQuestions(questions, records) {
    const done = completedQuestionIds(records);
    return questions.filter((question) => !done.has(question.id));
}
