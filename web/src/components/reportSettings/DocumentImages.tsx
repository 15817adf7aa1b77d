import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client';
import { imageUrl, removeReportImage, setReportImage, type ImageSlot } from '../../api/reportSettings';
import type { ReportImage, ReportSettings } from '../../api/types';
import { useT, type TFunction } from '../../i18n';
import { errorMessage, fieldErrorText } from '../../lib/formErrors';

type Images = Record<string, ReportImage | null>;

const keyOf = (slot: ImageSlot) => (slot.kind === 'seal' ? 'seal' : `signature:${slot.personId}`);

/** The images as the settings show them: the seal, and each saved signer's signature. */
function imagesOf(settings: ReportSettings): Images {
  const images: Images = { seal: settings.seal };
  for (const s of settings.signers) images[keyOf({ kind: 'signature', personId: s.person_id })] = s.signature;
  return images;
}

/** Why the server did not take an image, in the reader's words. */
function refusal(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    // A file over the request limit is refused before the server reads it, with no field.
    const code = e.fields[0]?.code ?? (e.status === 413 ? 'too_large' : undefined);
    if (code) return t('rs.imageRefused', { reason: fieldErrorText(t, code) });
    if (e.status === 403) return t('rs.adminOnly');
    if (e.status === 404) return t('rs.imageGone');
  }
  return errorMessage(e);
}

interface SlotProps {
  slot: ImageSlot;
  title: string;
  alt: string;
  image: ReportImage | null;
  editable: boolean;
  onChange: (image: ReportImage | null) => void;
  /** The signer is gone from the saved settings: they are loaded again. */
  onStale: () => void;
}

/** One image: its preview on a ground that shows what is transparent, and what may be done with it. */
function ImageSlotView({ slot, title, alt, image, editable, onChange, onStale }: SlotProps) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The browser's file dialog, opened by the button: a file input of its own, not a button inside
  // another.
  const input = useRef<HTMLInputElement>(null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(refusal(t, e));
      if (e instanceof ApiError && e.status === 404) onStale();
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File) =>
    act(async () => {
      onChange(await setReportImage(slot, file));
      message.success(t('rs.imageSaved'));
    });
  const remove = () =>
    act(async () => {
      await removeReportImage(slot);
      onChange(null);
      message.success(t('rs.imageRemoved'));
    });

  return (
    <section className="rs-image" aria-label={title}>
      <div className="rs-image-title">{title}</div>
      <div className="rs-image-row">
        <div className="rs-image-preview">
          {image ? <img src={imageUrl(slot, image)} alt={alt} /> : <Typography.Text type="secondary">{t('rs.imageNone')}</Typography.Text>}
        </div>
        <div className="rs-image-side">
          {image && <Typography.Text type="secondary">{t('rs.imageSize', { width: image.width, height: image.height })}</Typography.Text>}
          {editable && (
            <>
              <input
                ref={input}
                type="file"
                accept="image/png"
                hidden
                aria-label={title}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  // The same file may be chosen again, after it was refused and corrected.
                  e.target.value = '';
                  if (file) void upload(file);
                }}
              />
              <Space wrap>
                <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
                  {image ? t('rs.imageReplace') : t('rs.imageUpload')}
                </Button>
                {image && (
                  <Popconfirm
                    title={t('rs.imageRemoveConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove()}
                  >
                    <Button danger icon={<DeleteOutlined />} disabled={busy}>
                      {t('rs.imageRemove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </>
          )}
        </div>
      </div>
      {error && <Alert type="error" showIcon role="alert" className="rs-image-error" message={error} />}
    </section>
  );
}

interface Props {
  settings: ReportSettings;
  /** The administrator's: images to upload and remove; everyone else sees them. */
  editable: boolean;
  onStale: () => void;
}

/**
 * The images the agency's electronic documents carry: its seal and each saved signer's signature,
 * each saved as soon as it is chosen, apart from the settings' form.
 */
export function DocumentImages({ settings, editable, onStale }: Props) {
  const t = useT();
  const [images, setImages] = useState(() => imagesOf(settings));
  useEffect(() => setImages(imagesOf(settings)), [settings]);
  const slotView = (slot: ImageSlot, title: string, alt: string) => (
    <ImageSlotView
      key={keyOf(slot)}
      slot={slot}
      title={title}
      alt={alt}
      image={images[keyOf(slot)] ?? null}
      editable={editable}
      onChange={(image) => setImages((now) => ({ ...now, [keyOf(slot)]: image }))}
      onStale={onStale}
    />
  );
  return (
    <Card size="small" title={t('rs.section.images')} className="rs-section rs-images">
      <Typography.Paragraph type="secondary">{t('rs.imagesHelp')}</Typography.Paragraph>
      {editable && <Typography.Paragraph type="secondary">{t('rs.imagesSavedAtOnce')}</Typography.Paragraph>}
      {slotView({ kind: 'seal' }, t('rs.seal'), t('rs.imageAlt.seal'))}
      {settings.signers.map((s) =>
        slotView(
          { kind: 'signature', personId: s.person_id },
          t('rs.signatureOf', { name: s.full_name }),
          t('rs.imageAlt.signature', { name: s.full_name }),
        ),
      )}
      {editable && <Typography.Paragraph type="secondary">{t('rs.imagesNewSigner')}</Typography.Paragraph>}
    </Card>
  );
}
