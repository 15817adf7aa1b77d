// English messages of the report settings page: exactly the keys of vi.settings.ts (the compiler checks it).
import type viSettings from './vi.settings';

const enSettings: Record<keyof typeof viSettings, string> = {
  'rs.subtitle': 'How the agency reports and what its documents say: the period, the due date, the heading, the recipients, the signers.',
  'rs.defaults': 'Using the default settings',
  'rs.defaultsHelp': 'The agency has not saved settings of its own; the values below are the defaults, taken from the organisation tree.',
  'rs.adminOnly': 'Only the agency’s administrator may change the report settings.',
  'rs.save': 'Save settings',
  'rs.saved': 'The report settings are saved.',
  'rs.stale': 'Someone else has just changed the report settings. The page has loaded the latest; please make your changes again.',

  'rs.section.period': 'Reporting period and due date',
  'rs.section.heading': 'Document heading',
  'rs.section.recipients': 'Recipients',
  'rs.section.types': 'Document types',
  'rs.section.signers': 'Signers',

  'rs.periodConvention': 'Reporting period',
  'rs.period.calendar_month': 'Calendar month',
  'rs.period.calendar_month.help': 'A monthly report runs from the 1st to the last day of the month.',
  'rs.period.cutoff_14th': 'From the 15th of the month before to the 14th',
  'rs.period.cutoff_14th.help':
    'As Nghị định 09/2019/NĐ-CP sets it: a monthly report runs from the 15th of the month before to the 14th of the month.',
  'rs.dueWorkingDays': 'Unit reports due',
  'rs.workingDays': 'working days',
  'rs.dueWorkingDaysHelp': 'Working days after the reporting period’s end, from 0 to {max}.',
  'rs.dueWorkingDaysRange': 'The number of working days must be from {min} to {max}',
  'rs.consolidatingOrg': 'Consolidating division',
  'rs.consolidatingOrgNone': 'No consolidating division chosen',

  'rs.agencyCode': 'Agency code in document numbers',
  'rs.codeInvalid': 'Only capital letters without diacritics, Đ, digits and hyphens',
  'rs.codeTooLong': 'The code is too long',
  'rs.numberExample': 'Document numbers will read: {line}',
  'rs.placeName': 'Place name',
  'rs.placeExample': 'The place and date line will read: {line}',
  'rs.parentLine': 'Parent agency (upper line)',
  'rs.agencyLine': 'Issuing agency (lower line)',
  'rs.linesHelp': 'In capitals, as printed on documents.',
  'rs.headingPreview': 'The heading as printed',
  'rs.textTooLong': 'The text is too long',

  'rs.recipient': 'Recipient {n}',
  'rs.recipientsHelp': 'One recipient a line, in the order printed; e.g. “UBND tỉnh (b/c);”, “Lưu: VT, KHTC.”.',
  'rs.addRecipient': 'Add a recipient',
  'rs.recipientsNone': 'No recipients.',

  'rs.typeName': 'Document type',
  'rs.typeCode': 'Code',
  'rs.typeLabel': 'Document type {n}',
  'rs.typesHelp': 'The first type is the one of the document number example above.',
  'rs.addType': 'Add a document type',
  'rs.typeCodeTaken': 'Another document type has this code',

  'rs.signer': 'Signer {n}',
  'rs.signerPerson': 'Person signing',
  'rs.signerAuthority': 'Signing authority',
  'rs.signerAuthorityHelp': 'KT. (signing for) or TL. (by order of) and the head’s title; empty when the head signs.',
  'rs.signerAuthorityPlaceholder': 'E.g. KT. GIÁM ĐỐC',
  'rs.signerTitle': 'Title',
  'rs.signerTitlePlaceholder': 'E.g. PHÓ GIÁM ĐỐC',
  'rs.signerTaken': 'This person is already a signer',
  'rs.addSigner': 'Add a signer',
  'rs.signersNone': 'No signers.',
  'rs.tooMany': 'At most {max} entries',

  'rs.moveUp': 'Move {item} up',
  'rs.moveDown': 'Move {item} down',
  'rs.remove': 'Remove {item}',

  'rs.section.images': 'Signature and seal on the electronic copy',
  'rs.imagesHelp':
    'When a report is issued, its electronic copy carries the signer’s signature image and the agency’s seal image, stamped over about a third of the signature on the left. An image is a PNG file with a transparent background, at most 512 KB and 2000 pixels a side.',
  'rs.imagesSavedAtOnce':
    'An image is saved as soon as it is uploaded or removed. Issued reports keep the images they were issued with; drafts carry none.',
  'rs.imagesNewSigner': 'A newly added signer gets a signature slot once the settings are saved.',
  'rs.seal': 'The agency’s seal',
  'rs.signatureOf': 'Signature of {name}',
  'rs.imageNone': 'No image yet.',
  'rs.imageSize': '{width} × {height} pixels',
  'rs.imageAlt.seal': 'The agency’s seal image',
  'rs.imageAlt.signature': 'The signature image of {name}',
  'rs.imageUpload': 'Upload a PNG image',
  'rs.imageReplace': 'Replace the image',
  'rs.imageRemove': 'Remove the image',
  'rs.imageRemoveConfirm': 'Remove this image? Reports issued afterwards will not carry it.',
  'rs.imageSaved': 'The image is saved.',
  'rs.imageRemoved': 'The image is removed.',
  'rs.imageRefused': 'This image was not accepted: {reason}',
  'rs.imageGone': 'This signer is no longer in the saved settings. The page has loaded the latest settings.',
};

export default enSettings;
