import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.ts';

describe('what an error answer shows the caller', () => {
  it('shows the fields to correct and the reasons, not the Graph path, site or list ids behind a 409', () => {
    const conflict = new AppError('CONFLICT', 'Graph POST /sites/x,y,z/lists/abc/items failed with 409', {
      userMessage: 'Koden finns redan.',
      details: { status: 409, graphCode: 'nameAlreadyExists', method: 'POST', path: '/sites/x,y,z/lists/abc/items' },
    });
    expect(conflict.toJSON()).toEqual({ code: 'CONFLICT', message: 'Koden finns redan.' });
    expect(JSON.stringify(conflict.toJSON())).not.toContain('/sites/');

    const invalid = new AppError('INVALID_INPUT', 'invalid', {
      details: { fields: { title: 'Fyll i namnet.' }, path: '/internal' },
    });
    expect(invalid.toJSON()).toEqual({
      code: 'INVALID_INPUT',
      message: 'Uppgifterna är inte giltiga.',
      details: { fields: { title: 'Fyll i namnet.' } },
    });
    const missing = new AppError('INVALID_STATE', 'missing', { details: { reasons: ['Syfte saknas.'] } });
    expect(missing.toJSON().details).toEqual({ reasons: ['Syfte saknas.'] });
  });

  it('shows nothing but the code and the Swedish message for a 5xx', () => {
    const bug = new AppError('INTERNAL', 'TypeError at …', { details: { fields: { a: 'b' } } });
    expect(bug.toJSON()).toEqual({ code: 'INTERNAL', message: 'Något gick fel i Insatsnavet.' });
  });
});
