/** Names of the form's filters (keys of ReportFilters), kept zod-free for the renderer's types. */
export type ReportFiltersLike = 'queueIds' | 'userIds' | 'mediaTypes' | 'directions' | 'wrapupCodeIds' | 'divisionIds';
